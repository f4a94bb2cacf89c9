package io.edgecoord.mqtt;

/**
 * The broker cannot take a message now: the embedded one is not running, or the external one is not
 * connected. An {@link IllegalStateException}, as the publisher has always thrown.
 */
public class BrokerUnavailableException extends IllegalStateException {

    BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
