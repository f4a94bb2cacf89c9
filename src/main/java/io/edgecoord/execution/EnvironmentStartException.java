package io.edgecoord.execution;

/** An environment could not be created or started; the message carries the backend's words. */
public class EnvironmentStartException extends RuntimeException {

    public EnvironmentStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
