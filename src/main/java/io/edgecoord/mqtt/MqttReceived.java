package io.edgecoord.mqtt;

/**
 * A message a client published on the broker.
 *
 * @param topic the topic name
 * @param payload its bytes (a copy, the listener's to keep)
 * @param clientId the publishing client's id
 * @param username its user name: the key id, or {@code null} for an anonymous client
 * @param qos the QoS it was published with (0, 1 or 2), which the bridge keeps upstream
 * @param retained whether it was published retained
 */
public record MqttReceived(String topic, byte[] payload, String clientId, String username, int qos,
        boolean retained) {
}
