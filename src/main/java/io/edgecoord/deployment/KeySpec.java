package io.edgecoord.deployment;

import java.util.List;

import io.edgecoord.security.KeyTopics;

/**
 * What a bundle says an existing key may reach; a {@code null} part is left as it is.
 *
 * @param id the key's id
 * @param tasks its task-name patterns (empty: every task)
 * @param topics its MQTT topics
 */
record KeySpec(String id, List<String> tasks, KeyTopics topics) {
}
