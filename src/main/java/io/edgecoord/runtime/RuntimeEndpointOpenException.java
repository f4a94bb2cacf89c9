package io.edgecoord.runtime;

/** An environment's Runtime API endpoint could not be opened; the message says why. */
public class RuntimeEndpointOpenException extends RuntimeException {

    RuntimeEndpointOpenException(String message) {
        super(message);
    }

    RuntimeEndpointOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
