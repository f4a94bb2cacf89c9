package io.edgecoord.mqtt;

/** A message the broker cannot carry: no MQTT topic name, a QoS other than 0 or 1, or too large. */
public class InvalidTopicException extends RuntimeException {

    InvalidTopicException(String message) {
        super(message);
    }
}
