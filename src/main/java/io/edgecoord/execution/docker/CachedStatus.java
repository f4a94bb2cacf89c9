package io.edgecoord.execution.docker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.edgecoord.execution.BackendStatus;

/**
 * The backend's status, asked of the engine at most once per {@code ttl} (at most every 500 ms
 * while it is down), so that frequent health checks do not each call it. While the engine is up,
 * a status past its time is answered at once and asked again in the background, one probe at a
 * time: the calls that read it (every invoke's admission) never wait for the engine, and a crowd of
 * them does not ask it a crowd of times. A down engine is asked by the callers themselves, so that
 * its return is seen by the first call after it. Thread-safe.
 */
final class CachedStatus {

    private final Supplier<BackendStatus> probe;

    private final Clock clock;

    private static final Duration DOWN_TTL = Duration.ofMillis(500);

    private final Duration ttl;

    private final Duration downTtl;

    private final Executor background;

    private final AtomicBoolean refreshing = new AtomicBoolean();

    private volatile Snapshot last;

    private record Snapshot(BackendStatus status, Instant at) {
    }

    /** @param background runs the refresh of an up status past its time */
    CachedStatus(Supplier<BackendStatus> probe, Clock clock, Duration ttl, Executor background) {
        this.probe = probe;
        this.clock = clock;
        this.ttl = ttl;
        this.background = background;
        // An engine that is away is asked again sooner, so that its return is seen within a second.
        this.downTtl = ttl.compareTo(DOWN_TTL) < 0 ? ttl : DOWN_TTL;
    }

    BackendStatus get() {
        Instant now = clock.instant();
        Snapshot snapshot = last;
        if (snapshot == null || !snapshot.status().available() && !now.isBefore(snapshot.at().plus(downTtl))) {
            return refresh();
        }
        if (snapshot.status().available() && !now.isBefore(snapshot.at().plus(ttl))
                && refreshing.compareAndSet(false, true)) {
            try {
                background.execute(() -> {
                    try {
                        refresh();
                    }
                    finally {
                        refreshing.set(false);
                    }
                });
            }
            catch (RuntimeException refused) {
                refreshing.set(false);
                return refresh();
            }
        }
        return snapshot.status();
    }

    private BackendStatus refresh() {
        BackendStatus status = probe.get();
        // Stamped when the answer came: a slow probe's answer is not already stale when stored.
        last = new Snapshot(status, clock.instant());
        return status;
    }
}
