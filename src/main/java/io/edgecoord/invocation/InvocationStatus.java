package io.edgecoord.invocation;

/**
 * Where an invocation is in its life: QUEUED, then RUNNING, then one of the ends. A failed
 * asynchronous call goes back to QUEUED while it has retries left, and ends DEAD_LETTERED when
 * it has none (or its event got too old).
 */
public enum InvocationStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, TIMED_OUT, DEAD_LETTERED;

    boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT || this == DEAD_LETTERED;
    }
}
