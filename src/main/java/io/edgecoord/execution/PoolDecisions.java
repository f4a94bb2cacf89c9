package io.edgecoord.execution;

import java.util.Optional;

/**
 * The pool's pure decisions about one environment: what draining does to it, and whether one
 * that finished may go back to the pool. Placement, eviction and expiry are {@link Placement}'s.
 */
final class PoolDecisions {

    /** What draining does: remove an idle environment now, or a busy one when its invocation ends. */
    enum Drain { REMOVED_NOW, AFTER_INVOCATION }

    private PoolDecisions() {
    }

    /** What draining an environment in {@code state} does. */
    static Drain drain(Environment.State state) {
        return switch (state) {
            case IDLE, DEAD -> Drain.REMOVED_NOW;
            case STARTING, PREWARMING, BUSY, DRAINING -> Drain.AFTER_INVOCATION;
        };
    }

    /**
     * Why an environment whose invocation ended must not go back to the idle pool, or empty when it
     * may.
     *
     * @param state its state now
     * @param exited whether its process has ended
     * @param inPool whether the pool still holds it (shutdown takes every environment out)
     */
    static Optional<EvictionReason> refuseRelease(Environment.State state, boolean exited, boolean inPool) {
        if (exited) {
            return Optional.of(EvictionReason.EXITED);
        }
        if (!inPool || state == Environment.State.DEAD) {
            return Optional.of(EvictionReason.SHUTDOWN);
        }
        if (state == Environment.State.DRAINING) {
            return Optional.of(EvictionReason.DRAINED);
        }
        return Optional.empty();
    }
}
