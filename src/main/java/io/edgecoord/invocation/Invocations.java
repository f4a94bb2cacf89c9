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

    /**
     * Accepts a call that names a qualifier and may carry a client context, and tells when it ends.
     * Refusals are the REST API's named exceptions (task, version or alias not found, queue full,
     * invalid payload, no environment can be started).
     */
    TaskCall.Started call(TaskCall call);
}
