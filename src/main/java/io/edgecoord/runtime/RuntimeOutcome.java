package io.edgecoord.runtime;

/** What the runtime reported for one invocation. */
public sealed interface RuntimeOutcome {

    /** {@code POST /invocation/{id}/response}: the function's result, as it sent it. */
    record Success(byte[] body) implements RuntimeOutcome {
    }

    /**
     * {@code POST /invocation/{id}/error}: the function failed.
     *
     * @param errorType from the body's {@code errorType} or the
     *     {@code Lambda-Runtime-Function-Error-Type} header
     * @param errorMessage from the body's {@code errorMessage}
     * @param body the error document as the runtime sent it
     */
    record FunctionError(String errorType, String errorMessage, byte[] body) implements RuntimeOutcome {
    }

    /** {@code POST /init/error}: the runtime could not start the function at all. */
    record InitError(String errorType, String errorMessage, byte[] body) implements RuntimeOutcome {
    }
}
