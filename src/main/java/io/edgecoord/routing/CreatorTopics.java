package io.edgecoord.routing;

import io.edgecoord.mqtt.MqttGrants;
import io.edgecoord.security.CallerKey;

/**
 * A subscription reads and publishes MQTT topics only within what its creator's key may: an
 * {@code mqtt} source needs a subscribe filter of the key that covers its subject, an
 * {@code mqtt:<topic>} target a publish filter that matches the topic (admin keys: every topic).
 * Decided once, at creation. Pure.
 */
final class CreatorTopics {

    private CreatorTopics() {
    }

    /** @throws PermissionDeniedException naming the topic the key lacks */
    static void check(CallerKey key, Definition definition) {
        if (definition.source() == SourceKind.MQTT && !MqttGrants.maySubscribe(key, definition.subject().text())) {
            throw new PermissionDeniedException("Key " + key.id() + " may not subscribe to " + definition.subject().text()
                    + ": add a filter covering it to the key's topics.subscribe", "subscribe",
                    definition.subject().text());
        }
        if (definition.target() instanceof Target.Mqtt mqtt && !MqttGrants.mayPublish(key, mqtt.topic())) {
            throw new PermissionDeniedException("Key " + key.id() + " may not publish to " + mqtt.topic()
                    + ": add a filter matching it to the key's topics.publish", "publish", mqtt.topic());
        }
    }
}
