package io.edgecoord.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pool's pure decisions: which idle environments expire, which one to evict first, what
 * draining does to an environment, and whether one that finished may go back to the pool.
 */
final class PoolDecisions {

    /** What the decisions need to know of an idle environment. */
    record Idle(String environmentId, String poolKey, Instant lastUsed) {
    }

    /** What draining does: remove an idle environment now, or a busy one when its invocation ends. */
    enum Drain { REMOVED_NOW, AFTER_INVOCATION }

    private PoolDecisions() {
    }

    /** What draining an environment in {@code state} does. */
    static Drain drain(Environment.State state) {
        return switch (state) {
            case IDLE, DEAD -> Drain.REMOVED_NOW;
            case STARTING, BUSY, DRAINING -> Drain.AFTER_INVOCATION;
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

    /** Idle environments unused for at least {@code keepAlive} at {@code now}. */
    static List<String> expired(List<Idle> idle, Instant now, Duration keepAlive) {
        return idle.stream()
                .filter(e -> !e.lastUsed().plus(keepAlive).isAfter(now))
                .map(Idle::environmentId)
                .toList();
    }

    /**
     * The idle environment to evict to make room for one of {@code forPoolKey}: the least
     * recently used of another task version. An idle environment of the same version is never a
     * candidate: the caller would have reused it.
     */
    static Optional<String> evictionCandidate(List<Idle> idle, String forPoolKey) {
        return idle.stream()
                .filter(e -> !e.poolKey().equals(forPoolKey))
                .min(Comparator.comparing(Idle::lastUsed))
                .map(Idle::environmentId);
    }
}
