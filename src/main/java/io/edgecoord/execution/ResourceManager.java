package io.edgecoord.execution;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import io.edgecoord.runtime.RuntimeApiServer;

/**
 * Owns every execution environment: runs each invocation in an idle warm environment of the same
 * task version when there is one, else in a new one; keeps environments warm for the keep-alive,
 * evicts idle ones of other tasks when the pool is full, destroys those that timed out or died,
 * and removes them all at shutdown and leftovers at start-up.
 *
 * <p>Thread-safe. {@link #execute} blocks its caller until the invocation ends; call it from a
 * virtual thread.
 */
@Service
public class ResourceManager implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ResourceManager.class);

    private final ExecutionBackend backend;
    private final ExecutionProperties properties;
    private final Clock clock;
    private final PoolMetrics metrics;
    private final EnvironmentFactory factory;
    private final EnvironmentPool pool = new EnvironmentPool();
    private final InvocationRunner runner;
    private final RunningCalls running;
    /** Made anew at each start: a lifecycle may be stopped and started again (tests pause contexts). */
    private volatile ScheduledExecutorService timer;

    ResourceManager(ExecutionBackend backend, RuntimeApiServer runtimeApi, ExecutionProperties properties,
            Clock clock, MeterRegistry meters) {
        this.backend = backend;
        this.properties = properties;
        this.clock = clock;
        this.metrics = new PoolMetrics(meters, pool);
        this.factory = new EnvironmentFactory(backend, runtimeApi, clock);
        this.running = new RunningCalls(clock);
        this.runner = new InvocationRunner(clock, properties.initTimeout(), running);
    }

    /**
     * Runs one invocation to its end and reports what happened. Never throws for the function's
     * or the backend's failures: they come back as the result's outcome.
     */
    public ExecutionResult execute(ExecutionRequest request, ExecutionListener listener) {
        return running.track(request, listener, () -> executeHeld(request, listener));
    }

    /**
     * Stops an invocation this manager holds, while it gets an environment or runs: it ends
     * {@link ExecutionResult.Cancelled} and its environment is destroyed, not reused.
     *
     * @return false when no invocation with this id is held, or it has ended already
     */
    public boolean stop(String invocationId, String reason) {
        return running.stop(invocationId, reason);
    }

    private ExecutionResult executeHeld(ExecutionRequest request, ExecutionListener listener) {
        Environment env;
        StartKind kind;
        Optional<Environment> warm = takeWarm(request.spec());
        if (warm.isPresent()) {
            env = warm.get();
            kind = StartKind.WARM;
            env.outputAttribution().attach(listener);
        }
        else {
            try {
                env = createCold(request.spec(), listener);
                kind = StartKind.COLD;
            }
            catch (ExecutionUnavailableException ex) {
                listener.outputClosed();
                return ExecutionResult.notStarted(new ExecutionResult.CoordinatorFailed(
                        "Coordinator.ExecutionUnavailable", ex.getBody().getDetail()));
            }
            catch (EnvironmentStartException ex) {
                listener.outputClosed();
                return ExecutionResult.notStarted(new ExecutionResult.CoordinatorFailed(
                        "Coordinator.EnvironmentStartFailed", ex.getMessage()));
            }
        }
        metrics.started(request.spec(), kind);
        listener.started(env.id(), kind, clock.instant());
        InvocationRunner.Ran ran = runner.run(env, request, kind);
        ScheduledExecutorService settleTimer = timer;
        Optional<EvictionReason> evicted = !ran.reusable() ? Optional.of(ran.eviction())
                : settleTimer == null ? Optional.of(EvictionReason.SHUTDOWN)
                : pool.release(env, clock.instant());
        if (evicted.isEmpty()) {
            env.outputAttribution().settle(properties.outputSettle(), settleTimer);
        }
        else {
            if (pool.remove(env)) {
                metrics.evicted(evicted.get());
            }
            factory.destroy(env, evicted.get() == EvictionReason.DRAINED ? "drained after " + ran.reason()
                    : ran.reason());
        }
        return new ExecutionResult(ran.outcome(), env.id(), kind,
                kind == StartKind.COLD ? env.initDuration() : Duration.ZERO);
    }

    /** What a live environment runs, for services that must know who is calling from inside it. */
    public Optional<EnvironmentSpec> environment(String environmentId) {
        return pool.find(environmentId).map(Environment::spec);
    }

    /** Every live environment as it is now, oldest first. */
    List<EnvironmentSnapshot> environments() {
        return pool.describe(clock.instant());
    }

    /** One live environment as it is now. @throws EnvironmentNotFoundException when none has this id */
    EnvironmentSnapshot describe(String environmentId) {
        return pool.describe(environmentId, clock.instant())
                .orElseThrow(() -> new EnvironmentNotFoundException(environmentId));
    }

    /**
     * Drains an environment: an idle one is destroyed before this returns; a busy or starting one
     * finishes its invocation and is then destroyed instead of going back to the pool.
     *
     * @throws EnvironmentNotFoundException when no live environment has this id
     */
    PoolDecisions.Drain drain(String environmentId) {
        EnvironmentPool.Draining draining = pool.startDraining(environmentId)
                .orElseThrow(() -> new EnvironmentNotFoundException(environmentId));
        if (draining.drain() == PoolDecisions.Drain.REMOVED_NOW) {
            metrics.evicted(EvictionReason.DRAINED);
            factory.destroy(draining.environment(), "drained");
        }
        return draining.drain();
    }

    /** How many environments are live, idle and busy, and the memory they reserve. */
    public PoolSnapshot poolSnapshot() {
        return pool.totals();
    }

    /** Whether environments can be created now, and if not, why. */
    public BackendStatus status() {
        return backend.status();
    }

    private Optional<Environment> takeWarm(EnvironmentSpec spec) {
        while (true) {
            Optional<Environment> env = pool.takeIdle(spec.poolKey(), clock.instant());
            if (env.isEmpty() || !env.get().exitedFuture().isDone()) {
                return env;
            }
            pool.remove(env.get());
            metrics.evicted(EvictionReason.EXITED);
            factory.destroy(env.get(), "exited while idle");
        }
    }

    private Environment createCold(EnvironmentSpec spec, ExecutionListener listener) {
        while (pool.size() >= properties.maxEnvironments()) {
            Optional<Environment> victim = pool.takeEvictionCandidate(spec.poolKey());
            if (victim.isEmpty()) {
                break;
            }
            factory.destroy(victim.get(), "evicted (least recently used) to make room for " + spec.poolKey());
            metrics.evicted(EvictionReason.POOL_FULL);
        }
        Environment env = factory.create(spec, this::exitedOnItsOwn, created -> {
            created.outputAttribution().attach(listener);
            pool.addStarting(created);
        });
        pool.markBusy(env);
        return env;
    }

    /** An environment's process ended; a busy one is handled by its invocation's runner. */
    private void exitedOnItsOwn(Environment env) {
        if (pool.removeIfIdle(env)) {
            metrics.evicted(EvictionReason.EXITED);
            Thread.startVirtualThread(() -> factory.destroy(env, env.exitedFuture().join().describe()));
        }
    }

    private void reap() {
        for (Environment env : pool.takeExpired(clock.instant(), properties.keepAlive())) {
            metrics.evicted(EvictionReason.KEEP_ALIVE);
            factory.destroy(env, "idle for the keep-alive of " + properties.keepAlive());
        }
    }

    @Override
    public void start() {
        backend.init();
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("edgecoord-pool-timer").factory());
        long every = properties.reapInterval().toMillis();
        timer.scheduleWithFixedDelay(this::reapSafely, every, every, TimeUnit.MILLISECONDS);
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
    public void stop() {
        ScheduledExecutorService stopping = timer;
        timer = null;
        if (stopping != null) {
            stopping.shutdownNow();
        }
        List<Environment> all = pool.drain();
        all.forEach(env -> {
            metrics.evicted(EvictionReason.SHUTDOWN);
            factory.destroy(env, "coordinator shutting down");
        });
        backend.cleanup();
    }

    @Override
    public boolean isRunning() {
        return timer != null;
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
