package io.edgecoord.invocation;

import java.util.concurrent.CompletableFuture;

/**
 * A call of a task that another module makes on behalf of a task's code, as Greengrass's SDK does.
 *
 * @param task the task's name
 * @param qualifier {@code $LATEST} or null (the latest version), a version number or an alias
 * @param payload the event, a JSON document
 * @param awaited true when the caller waits for the end (Lambda's RequestResponse: one attempt, no
 *     retries), false for an event (Lambda's Event: recorded before this returns, retried as async calls are)
 * @param cause what caused it, recorded with the invocation
 * @param clientContext Lambda's client context as JSON text, handed to the callee's runtime; null for none
 */
public record TaskCall(String task, String qualifier, byte[] payload, boolean awaited, InvocationCause cause,
        String clientContext) {

    /**
     * An accepted call.
     *
     * @param id the invocation's id
     * @param end completes when the invocation has ended, whichever way
     */
    public record Started(String id, CompletableFuture<Ended> end) {
    }

    /**
     * How a call ended, as Lambda's Invoke answers it.
     *
     * @param succeeded true when the function returned
     * @param payload the function's result, or Lambda's error document ({@code errorMessage}, {@code errorType}, …)
     * @param functionError null when it succeeded, {@code Handled} when the function reported the error
     *     itself, {@code Unhandled} when the runtime or the coordinator did (a crash, a timeout, no environment)
     */
    public record Ended(boolean succeeded, byte[] payload, String functionError) {
    }
}
