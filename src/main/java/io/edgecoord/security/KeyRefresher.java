package io.edgecoord.security;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the keys again every {@code key-cache-ttl} (so revocations by another coordinator sharing
 * the database take effect within it) and writes their last use every few seconds, on a thread
 * of its own, off the request path.
 */
final class KeyRefresher implements AutoCloseable {

    private static final long USE_FLUSH_SECONDS = 5;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("edgecoord-keys").daemon().factory());

    KeyRefresher(KeyRing ring, Duration ttl) {
        long period = Math.max(100, ttl.toMillis());
        timer.scheduleWithFixedDelay(ring::reload, period, period, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(ring::flushUse, USE_FLUSH_SECONDS, USE_FLUSH_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
