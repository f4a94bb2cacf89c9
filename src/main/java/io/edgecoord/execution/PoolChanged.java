package io.edgecoord.execution;

/**
 * The pool freed or gained something a queued call may need.
 *
 * @param cause what happened
 * @param poolKey the task version whose environment it was; null when it concerns no one version
 */
public record PoolChanged(Cause cause, String poolKey) {

    /** What happened to the pool. */
    public enum Cause {
        /** A call ended: its environment went back to the pool, or was removed. */
        CALL_ENDED,
        /** A placed call was given back unused, or failed before its environment started. */
        LEASE_RETURNED,
        /** An environment started ahead of calls became ready, or failed to. */
        PREWARM_ENDED,
        /** An environment was removed: drained, idle past its keep-alive, or exited on its own. */
        ENVIRONMENT_REMOVED,
        /** The task versions kept warm changed. */
        WARM_TARGETS_CHANGED
    }
}
