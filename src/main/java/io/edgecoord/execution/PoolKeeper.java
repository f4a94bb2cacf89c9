package io.edgecoord.execution;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the pool over time: the backend's clean-up of leftovers at start-up, idle environments
 * removed after their keep-alive, the task versions kept warm, drains, and every environment
 * removed at shutdown.
 */
@Component
class PoolKeeper implements WarmPool, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PoolKeeper.class);

    private final ExecutionBackend backend;
    private final ExecutionProperties properties;
    private final Clock clock;
    private final EnvironmentPool pool;
    private final EnvironmentFactory factory;
    private final PoolMetrics metrics;
    private final Prewarmer prewarmer;
    private final PoolTimer timer;
    private final PoolEvents events;

    PoolKeeper(ExecutionBackend backend, ExecutionProperties properties, Clock clock, EnvironmentPool pool,
            EnvironmentFactory factory, PoolMetrics metrics, Prewarmer prewarmer, PoolTimer timer,
            PoolEvents events) {
        this.backend = backend;
        this.properties = properties;
        this.clock = clock;
        this.pool = pool;
        this.factory = factory;
        this.metrics = metrics;
        this.prewarmer = prewarmer;
        this.timer = timer;
        this.events = events;
    }

    @Override
    public void keepWarm(List<EnvironmentSpec> specs) {
        for (String id : prewarmer.target(specs)) {
            try {
                drain(id);
            }
            catch (EnvironmentNotFoundException gone) {
                // Removed meanwhile.
            }
        }
        events.publish(PoolChanged.Cause.WARM_TARGETS_CHANGED, null);
    }

    /**
     * Drains an environment: an idle one is destroyed before this returns; a busy or starting one
     * finishes its invocation and is then destroyed instead of going back to the pool.
     *
     * @throws EnvironmentNotFoundException when no live environment has this id
     */
    EnvironmentLife.Drain drain(String environmentId) {
        EnvironmentPool.Draining draining = pool.startDraining(environmentId)
                .orElseThrow(() -> new EnvironmentNotFoundException(environmentId));
        if (draining.drain() == EnvironmentLife.Drain.REMOVED_NOW) {
            metrics.evicted(EvictionReason.DRAINED);
            factory.destroy(draining.environment(), "drained");
            events.publish(PoolChanged.Cause.ENVIRONMENT_REMOVED, draining.environment().spec().poolKey());
        }
        return draining.drain();
    }

    private void reap() {
        List<Environment> expired = pool.takeExpired(clock.instant(), properties.keepAlive(), prewarmer.minWarm());
        for (Environment env : expired) {
            metrics.evicted(EvictionReason.KEEP_ALIVE);
            Duration keepAlive = env.spec().policy().keepAlive();
            factory.destroy(env, "idle for the keep-alive of " + (keepAlive != null ? keepAlive : properties.keepAlive()));
        }
        if (!expired.isEmpty()) {
            events.publish(PoolChanged.Cause.ENVIRONMENT_REMOVED, null);
        }
    }

    private void reapSafely() {
        try {
            reap();
        }
        catch (RuntimeException ex) {
            log.warn("Removing idle environments failed; will try again", ex);
        }
    }

    @Override
    public void start() {
        backend.init();
        timer.start(this::reapSafely, properties.reapInterval().toMillis());
    }

    @Override
    public void stop() {
        timer.stop();
        pool.drain().forEach(env -> {
            metrics.evicted(EvictionReason.SHUTDOWN);
            factory.destroy(env, "coordinator shutting down");
        });
        backend.cleanup();
    }

    @Override
    public boolean isRunning() {
        return timer.running();
    }

    /**
     * Starts before the web server takes calls (so leftovers are gone first) and after the
     * Runtime API server; stops in the reverse order.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
