package io.edgecoord.scheduler;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The graceful drain at shutdown (SIGTERM). Stops in the same phase as the web server's graceful
 * shutdown, so both run side by side within {@code spring.lifecycle.timeout-per-shutdown-phase}
 * (the grace, 30 s): from its start only synchronous calls still start, running calls finish,
 * and asynchronous calls that have not started stay queued, recorded QUEUED, for the next start.
 * When the grace ends first, the later phases stop what still runs: the scheduler, then the
 * resource manager, which removes every environment (no container is left behind).
 */
@Component
class SchedulerDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchedulerDrain.class);

    /** The web server's graceful shutdown phase (WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private final Scheduler scheduler;
    private final Duration grace;
    private volatile boolean running;

    SchedulerDrain(Scheduler scheduler, @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration grace) {
        this.scheduler = scheduler;
        this.grace = grace;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        drain();
    }

    @Override
    public void stop(Runnable callback) {
        scheduler.drain();
        log.info("Draining: running calls finish within {}, queued asynchronous calls stay queued for the next start",
                grace);
        Thread.ofVirtual().name("edgecoord-drain").start(() -> {
            try {
                drain();
            }
            finally {
                callback.run();
            }
        });
    }

    private void drain() {
        scheduler.drain();
        try {
            if (scheduler.awaitDrained(grace)) {
                log.info("Drained: no call runs");
            }
            else {
                log.warn("The grace of {} ended with calls still running; they are stopped now", grace);
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
