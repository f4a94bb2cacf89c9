package io.edgecoord.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The pool's pure decisions: which idle environments expire, and which one to evict first. */
final class PoolDecisions {

    /** What the decisions need to know of an idle environment. */
    record Idle(String environmentId, String poolKey, Instant lastUsed) {
    }

    private PoolDecisions() {
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
