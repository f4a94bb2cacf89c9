package io.edgecoord.invocation;

/**
 * An invocation ended, published after its final record is committed.
 *
 * @param invocationId its id
 * @param task the task's name
 * @param version the task version that ran
 * @param status SUCCEEDED, FAILED, TIMED_OUT, DEAD_LETTERED (an asynchronous call that failed its
 *     last attempt; its earlier, retried attempts publish nothing), CANCELLED or EXPIRED
 * @param result the function's result when it succeeded, else null
 * @param errorType the error's type when it did not, else null
 * @param cause what caused it, or null when a client called it
 */
public record InvocationCompleted(String invocationId, String task, int version, InvocationStatus status,
        byte[] result, String errorType, InvocationCause cause) {
}
