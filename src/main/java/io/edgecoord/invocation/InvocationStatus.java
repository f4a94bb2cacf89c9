package io.edgecoord.invocation;

/** Where an invocation is in its life: QUEUED, then RUNNING, then one of the three ends. */
public enum InvocationStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, TIMED_OUT;

    boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT;
    }
}
