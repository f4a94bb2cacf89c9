package io.edgecoord.execution;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The pool's one timer thread (keep-alive reaping, output settling), made anew at each start: a
 * lifecycle may be stopped and started again (tests pause contexts). {@link #current} is null
 * while the pool is stopped, which is how a finishing call knows its environment may not go back.
 */
final class PoolTimer {

    private volatile ScheduledExecutorService timer;

    /** Starts the timer and runs {@code task} every {@code everyMillis} on it. */
    void start(Runnable task, long everyMillis) {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("edgecoord-pool-timer").factory());
        started.scheduleWithFixedDelay(task, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        timer = started;
    }

    void stop() {
        ScheduledExecutorService stopping = timer;
        timer = null;
        if (stopping != null) {
            stopping.shutdownNow();
        }
    }

    /** The running timer, or null once the pool stopped. */
    ScheduledExecutorService current() {
        return timer;
    }

    boolean running() {
        return timer != null;
    }
}
