package io.edgecoord.execution.docker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.edgecoord.execution.BackendStatus;

/**
 * The backend's status, asked of the engine at most once per {@code ttl} (at most every 500 ms
 * while it is down), so that frequent health checks do not each call it. Thread-safe; concurrent callers may both ask when it has expired.
 */
final class CachedStatus {

    private final Supplier<BackendStatus> probe;

    private final Clock clock;

    private static final Duration DOWN_TTL = Duration.ofMillis(500);

    private final Duration ttl;

    private final Duration downTtl;

    private volatile Snapshot last;

    private record Snapshot(BackendStatus status, Instant at) {
    }

    CachedStatus(Supplier<BackendStatus> probe, Clock clock, Duration ttl) {
        this.probe = probe;
        this.clock = clock;
        this.ttl = ttl;
        // An engine that is away is asked again sooner, so that its return is seen within a second.
        this.downTtl = ttl.compareTo(DOWN_TTL) < 0 ? ttl : DOWN_TTL;
    }

    BackendStatus get() {
        Instant now = clock.instant();
        Snapshot snapshot = last;
        if (snapshot == null || !now.isBefore(snapshot.at().plus(snapshot.status().available() ? ttl : downTtl))) {
            BackendStatus status = probe.get();
            // Stamped when the answer came: a slow probe's answer is not already stale when stored.
            snapshot = new Snapshot(status, clock.instant());
            last = snapshot;
        }
        return snapshot.status();
    }
}
