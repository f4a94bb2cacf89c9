package io.edgecoord.runtime;

/** The runtime reported {@code /init/error}, so the environment will never take an invocation. */
public class RuntimeInitFailedException extends RuntimeException {

    private final RuntimeOutcome.InitError error;

    RuntimeInitFailedException(String environmentId, RuntimeOutcome.InitError error) {
        super("Runtime of environment " + environmentId + " failed to initialise: "
                + error.errorType() + ": " + error.errorMessage());
        this.error = error;
    }

    /** What the runtime posted to {@code /init/error}. */
    public RuntimeOutcome.InitError error() {
        return error;
    }
}
