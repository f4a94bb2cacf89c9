package io.edgecoord.execution.docker;

import io.edgecoord.execution.ExecutionUnavailableException;

/** The Docker engine cannot be reached; the detail carries what the connection attempt said. */
class DockerUnavailableException extends ExecutionUnavailableException {

    DockerUnavailableException(String host, Throwable cause) {
        super("The Docker engine at " + host + " cannot be reached: " + DockerFailures.describe(cause), cause);
    }
}
