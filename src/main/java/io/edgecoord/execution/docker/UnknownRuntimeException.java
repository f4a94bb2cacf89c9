package io.edgecoord.execution.docker;

import io.edgecoord.execution.EnvironmentStartException;

/** No runtime of that name is on the class path (no {@code runtimes/<name>/Dockerfile}). */
class UnknownRuntimeException extends EnvironmentStartException {

    UnknownRuntimeException(String runtime) {
        super("No runtime named '" + runtime + "': there is no runtimes/" + runtime
                + "/Dockerfile on the class path", null);
    }
}
