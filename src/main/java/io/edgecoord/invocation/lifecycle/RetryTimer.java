package io.edgecoord.invocation.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the next attempt of a failed asynchronous call once its back-off has passed. Holds
 * nothing durable: a waiting retry is a QUEUED record with {@code queuedAt} ahead, which
 * {@link InvocationRecovery} schedules again after a restart. One daemon thread; the actions it
 * runs only queue work, and one that throws is logged. A waiting action can be dropped
 * ({@link #cancel}) until it starts.
 */
@Component
class RetryTimer {

    private static final Logger log = LoggerFactory.getLogger(RetryTimer.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("edgecoord-retry").factory());
    private final Clock clock;
    private final Map<String, ScheduledFuture<?>> waiting = new ConcurrentHashMap<>();

    RetryTimer(Clock clock) {
        this.clock = clock;
    }

    /** Runs {@code action} at {@code at}, or at once when that time has passed. */
    void at(Instant at, String invocationId, Runnable action) {
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        ScheduledFuture<?> scheduled = timer.schedule(() -> {
            waiting.remove(invocationId);
            try {
                action.run();
            }
            catch (RuntimeException ex) {
                log.error("Could not start the next attempt of invocation {}", invocationId, ex);
            }
        }, delay, TimeUnit.MILLISECONDS);
        waiting.put(invocationId, scheduled);
        if (scheduled.isDone()) {
            waiting.remove(invocationId, scheduled); // it ran before it was put
        }
    }

    /**
     * Runs {@code action} after {@code delay}, apart from the waiting attempts: nothing can
     * {@link #cancel} it. For writes that wait for the database to come back.
     */
    void after(Duration delay, String invocationId, Runnable action) {
        timer.schedule(() -> {
            try {
                action.run();
            }
            catch (RuntimeException ex) {
                log.error("Could not finish the record of invocation {}", invocationId, ex);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops the invocation's waiting action; false when none waits (it started, or never was). */
    boolean cancel(String invocationId) {
        ScheduledFuture<?> action = waiting.remove(invocationId);
        return action != null && action.cancel(false);
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }
}
