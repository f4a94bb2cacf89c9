package io.edgecoord.invocation;

/**
 * Where an invocation is in its life: QUEUED, then RUNNING, then one of the ends. A failed
 * asynchronous call goes back to QUEUED while it has retries left, and ends DEAD_LETTERED when
 * it has none (or its event got too old). A call its client cancels ends CANCELLED; one whose
 * deadline passed before its event was handed to an environment ends EXPIRED.
 */
public enum InvocationStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, TIMED_OUT, DEAD_LETTERED, CANCELLED, EXPIRED;

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
