package io.edgecoord.security;

import java.util.List;

/**
 * Sets what an existing key may reach (its task-name patterns and MQTT topics) on behalf of a
 * configuration bundle, inside the caller's transaction, with the checks of {@code POST
 * /api/v1/keys}. A bundle never carries or learns a secret. The keys in force change once the
 * caller commits.
 */
public interface KeyBundles {

    /**
     * Limits a key; a {@code null} argument leaves that part as it is.
     *
     * @param tasks task-name patterns; empty means every task
     * @param topics the MQTT topic filters it may publish and subscribe to
     * @return whether anything changed
     * @throws org.springframework.web.ErrorResponseException {@code key-not-found}, or the check it fails
     */
    boolean limit(String keyId, List<String> tasks, KeyTopics topics);
}
