package io.edgecoord.runtime;

/** The environment's Runtime API endpoint was closed before the invocation was answered. */
public class RuntimeEndpointClosedException extends RuntimeException {

    RuntimeEndpointClosedException(String environmentId) {
        super("Runtime API endpoint of environment " + environmentId + " is closed");
    }
}
