package io.edgecoord.mqtt;

/**
 * Publishes a message on the coordinator's MQTT broker as the coordinator itself: no key's topic
 * filters apply, so the caller decides who may publish what. Delivered to the subscribers connected
 * now (and queued for persistent sessions); returns once handed to them. Thread-safe.
 */
public interface MqttPublisher {

    /**
     * Publishes {@code payload} on {@code topic}.
     *
     * @param qos 0 or 1
     * @param retain whether the broker keeps it for later subscribers (an empty payload clears it)
     * @throws InvalidTopicException when the topic is no MQTT topic name, the QoS neither 0 nor 1, or
     *     the payload over the broker's message size
     */
    void publish(String topic, byte[] payload, int qos, boolean retain);
}
