package io.edgecoord.execution.docker;

import io.edgecoord.execution.EnvironmentStartException;

/** A runtime image could not be built; the message carries the engine's build error. */
class RuntimeImageBuildException extends EnvironmentStartException {

    RuntimeImageBuildException(String image, String reason, Throwable cause) {
        super("Building runtime image " + image + " failed: " + reason, cause);
    }
}
