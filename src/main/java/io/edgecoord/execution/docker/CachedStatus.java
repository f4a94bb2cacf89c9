package io.edgecoord.execution.docker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.edgecoord.execution.BackendStatus;

/**
 * The backend's status, asked of the engine at most once per {@code ttl}, so that frequent health
 * checks do not each call it. Thread-safe; concurrent callers may both ask when it has expired.
 */
final class CachedStatus {

    private final Supplier<BackendStatus> probe;

    private final Clock clock;

    private final Duration ttl;

    private volatile Snapshot last;

    private record Snapshot(BackendStatus status, Instant at) {
    }

    CachedStatus(Supplier<BackendStatus> probe, Clock clock, Duration ttl) {
        this.probe = probe;
        this.clock = clock;
        this.ttl = ttl;
    }

    BackendStatus get() {
        Instant now = clock.instant();
        Snapshot snapshot = last;
        if (snapshot == null || !now.isBefore(snapshot.at().plus(ttl))) {
            snapshot = new Snapshot(probe.get(), now);
            last = snapshot;
        }
        return snapshot.status();
    }
}
