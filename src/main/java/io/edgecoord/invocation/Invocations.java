package io.edgecoord.invocation;

/** Invokes tasks on behalf of other modules, as the REST API's asynchronous invoke does. */
public interface Invocations {

    /**
     * Accepts an asynchronous call: recorded and committed before this returns, then queued.
     *
     * @param task the task's name; its latest version runs
     * @param payload the event, a JSON document
     * @param cause what caused it, recorded with the invocation
     * @return the invocation's id
     */
    String invokeAsync(String task, byte[] payload, InvocationCause cause);
}
