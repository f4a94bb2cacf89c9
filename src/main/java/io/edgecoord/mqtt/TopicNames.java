package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;

/** Checks a message before the broker takes it, as MQTT 3.1.1 §4.7 wants a topic name. Pure. */
final class TopicNames {

    /** MQTT encodes a topic in at most 65,535 bytes of UTF-8. */
    static final int MAX_BYTES = 65_535;

    private TopicNames() {
    }

    /**
     * Lets a message through, or says what is wrong with it.
     *
     * @throws InvalidTopicException when the topic is empty, too long, holds a wildcard or NUL, the
     *     QoS is not 0 or 1, or the payload is over {@code maxPayloadBytes}
     */
    static void check(String topic, byte[] payload, int qos, int maxPayloadBytes) {
        if (topic == null || topic.isEmpty()) {
            throw new InvalidTopicException("The topic is empty.");
        }
        if (topic.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidTopicException("The topic is longer than " + MAX_BYTES + " bytes.");
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0 || topic.indexOf('\0') >= 0) {
            throw new InvalidTopicException("The topic " + topic + " holds a wildcard (+ or #) or NUL; a message "
                    + "is published to one topic name.");
        }
        if (qos != 0 && qos != 1) {
            throw new InvalidTopicException("QoS " + qos + " is not offered; use 0 or 1.");
        }
        if (payload.length > maxPayloadBytes) {
            throw new InvalidTopicException("The payload is " + payload.length + " bytes, more than the "
                    + maxPayloadBytes + " the broker carries (edgecoord.mqtt.max-message-bytes).");
        }
    }
}
