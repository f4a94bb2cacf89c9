package io.edgecoord.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Owns every execution environment and the budget they share: places calls on idle warm,
 * prewarmed or new environments ({@link Placement}), evicting idle ones of other task versions
 * when the budget is full; starts environments ahead of calls for tasks that keep some warm or are
 * pinned; keeps idle ones for their keep-alive; destroys those that timed out or died; removes
 * them all at shutdown and leftovers at start-up.
 *
 * <p>Thread-safe. {@link #run} blocks its caller until the invocation ends; call it from a
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
    private final Placement.Budget budget;
    /** Placement and prewarming decide one at a time, so that each sees what the other reserved. */
    private final Object placing = new Object();
    private final Prewarmer prewarmer;
    private final LeaseRunner leases;
    private volatile Runnable onChange;
    private final RunningCalls running;
    /** Made anew at each start: a lifecycle may be stopped and started again (tests pause contexts). */
    private volatile ScheduledExecutorService timer;

    ResourceManager(ExecutionBackend backend, RuntimeApiServer runtimeApi, ExecutionProperties properties,
            Clock clock, MeterRegistry meters) {
        this.backend = backend;
        this.properties = properties;
        this.clock = clock;
        this.factory = new EnvironmentFactory(backend, runtimeApi, clock);
        this.running = new RunningCalls(clock);
        this.runner = new InvocationRunner(clock, properties.initTimeout(), running);
        this.budget = withEnvironmentCap(properties.budget().resolve(), properties.maxEnvironments());
        this.metrics = new PoolMetrics(meters, pool, budget, properties.cpusPerEnvironment());
        this.leases = new LeaseRunner(pool, factory, metrics, runner, clock, properties.outputSettle(), () -> timer,
                this::changed);
        this.prewarmer = new Prewarmer(pool, factory, metrics, properties, clock, this::changed, this::exitedOnItsOwn);
        log.info("Budget for environments: {} MiB of memory, {} CPUs, at most {} environments", budget.memoryMb(),
                budget.cpus(), budget.environments());
    }

    /**
     * A queued call offered for placement.
     *
     * @param request what it runs
     * @param waitingSince when it was queued
     */
    public record Candidate(ExecutionRequest request, Instant waitingSince) {
    }

    /**
     * A call placed on the pool: the environment it takes (idle, or reserved for it and not
     * started yet) and the idle ones to remove before a new one starts. Run it with {@link #run}.
     */
    public record Lease(Candidate candidate, StartKind kind, Environment environment, List<Environment> evicted) {
    }

    /**
     * Places what can run now, in the order given (see {@link Placement#decide}), and reserves
     * what each placed call takes, so that the budget is never over-committed. Calls not placed
     * stay with the caller.
     *
     * @param slots how many more calls may start
     */
    public List<Lease> place(List<Candidate> candidates, int slots) {
        if (candidates.isEmpty() || slots <= 0) {
            return List.of();
        }
        Set<String> waitForWarm = waitingForWarm(candidates);
        synchronized (placing) {
            Instant now = clock.instant();
            Map<String, Candidate> byId = new HashMap<>();
            List<Placement.Demand> demands = new ArrayList<>(candidates.size());
            for (Candidate candidate : candidates) {
                EnvironmentSpec spec = candidate.request().spec();
                byId.put(candidate.request().invocationId(), candidate);
                demands.add(new Placement.Demand(candidate.request().invocationId(), spec.poolKey(), spec.taskName(),
                        spec.memoryMb(), cpus(spec), spec.policy().maxEnvironments(), candidate.waitingSince()));
            }
            List<Lease> leases = new ArrayList<>();
            for (Placement.Decision decision : Placement.decide(demands, pool.view(properties.cpusPerEnvironment()),
                    budget, slots, now, properties.starvationLimit(), waitForWarm)) {
                Candidate candidate = byId.get(decision.callId());
                if (decision.environmentId() != null) {
                    pool.claimIdle(decision.environmentId(), now).ifPresent(env ->
                            leases.add(new Lease(candidate, decision.kind(), env, List.of())));
                }
                else {
                    List<Environment> evicted = pool.take(decision.evict());
                    Environment env = factory.reserve(candidate.request().spec(), this::exitedOnItsOwn);
                    pool.addStarting(env);
                    leases.add(new Lease(candidate, StartKind.COLD, env, evicted));
                }
            }
            return leases;
        }
    }

    /**
     * The pool keys whose calls may only take an idle environment now: no new one can be started
     * (the engine is away) but one of theirs serves calls, so they wait for it rather than fail.
     * Without one, a call goes on to a cold start, which fails at once as execution-unavailable.
     * Asked before placing, since a status may have to ask the engine.
     */
    private Set<String> waitingForWarm(List<Candidate> candidates) {
        Set<String> waiting = new HashSet<>();
        Set<String> asked = new HashSet<>();
        for (Candidate candidate : candidates) {
            EnvironmentSpec spec = candidate.request().spec();
            if (asked.add(spec.poolKey()) && !backend.status(spec).available() && pool.hasServing(spec.poolKey())) {
                waiting.add(spec.poolKey());
            }
        }
        return waiting;
    }

    /**
     * Runs a placed call to its end and reports what happened. Never throws for the function's
     * or the backend's failures: they come back as the result's outcome.
     */
    public ExecutionResult run(Lease lease, ExecutionListener listener) {
        ExecutionRequest request = lease.candidate().request();
        return running.track(request, listener, () -> leases.run(lease, listener));
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

    /**
     * Gives back a lease whose call will not run after all (it was cancelled meanwhile): an idle
     * environment goes back to the pool, a reserved one is dropped, and what it evicted is
     * removed as planned.
     */
    public void release(Lease lease) {
        leases.release(lease);
    }

    /**
     * The task versions to keep started ahead of calls: each spec whose policy asks for warm
     * environments or is pinned. Replaces what was given before; idle environments of versions no
     * longer listed go when their keep-alive ends, pinned ones are drained at once.
     */
    public void keepWarm(List<EnvironmentSpec> specs) {
        for (String id : prewarmer.target(specs)) {
            try {
                drain(id);
            }
            catch (EnvironmentNotFoundException gone) {
                // Removed meanwhile.
            }
        }
        changed();
    }

    /**
     * Starts environments ahead of calls where a task version has fewer than it keeps warm (see
     * {@link Prewarmer}).
     *
     * @param callsWaiting whether calls wait in the queue: then only pinned tasks are prewarmed
     */
    public void prewarm(boolean callsWaiting) {
        if (timer == null) {
            return;
        }
        List<Runnable> starts;
        synchronized (placing) {
            starts = prewarmer.reserve(budget, callsWaiting);
        }
        starts.forEach(Thread::startVirtualThread);
    }

    /**
     * Whether a call of this spec could ever run here.
     *
     * @throws ExceedsBudgetException when its memory or CPU is more than the whole budget
     */
    public void checkFits(EnvironmentSpec spec) {
        if (spec.memoryMb() > budget.memoryMb() || cpus(spec) > budget.cpus()) {
            throw new ExceedsBudgetException(spec.taskName(), spec.memoryMb(), cpus(spec), budget);
        }
    }

    /** The budget and how much of it is held now. */
    public BudgetSnapshot budget() {
        long memoryUsed = pool.reservedMemoryMb();
        double cpusUsed = pool.busyCpus(properties.cpusPerEnvironment());
        return new BudgetSnapshot(budget.memoryMb(), memoryUsed, Math.max(0, budget.memoryMb() - memoryUsed),
                budget.cpus(), cpusUsed, Math.max(0, budget.cpus() - cpusUsed), budget.environments());
    }

    /** Tells {@code listener} whenever the pool frees or gains something a queued call may need. */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    private void changed() {
        Runnable listener = onChange;
        if (listener != null) {
            listener.run();
        }
    }

    private double cpus(EnvironmentSpec spec) {
        return EnvironmentPool.cpus(spec, properties.cpusPerEnvironment());
    }

    /** What a live environment runs, for services that must know who is calling from inside it. */
    public Optional<EnvironmentSpec> environment(String environmentId) {
        return pool.find(environmentId).map(Environment::spec);
    }

    /**
     * What every environment in the pool runs, starting, idle, busy or draining: code that must
     * stay on disk while they live.
     */
    public List<EnvironmentSpec> liveSpecs() {
        return pool.specs();
    }

    /** Every live environment as it is now, oldest first. */
    /**
     * Whether a pinned environment of this task version is up now (idle or busy, not starting), for
     * whoever must know that a pinned task came up after a change.
     */
    public boolean pinnedUp(String task, int version) {
        return environments().stream()
            .anyMatch((env) -> env.pinned() && env.task().equals(task) && env.version() == version
                    && (env.state().equals("IDLE") || env.state().equals("BUSY")));
    }

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
            changed();
        }
        return draining.drain();
    }

    /** How many environments are live, idle and busy, and the memory they reserve. */
    public PoolSnapshot poolSnapshot() {
        return pool.totals();
    }

    /**
     * Whether a call of this spec can run: an environment can be created, or one of its kind is
     * live already. While the engine is away, warm environments go on serving their calls (they
     * talk to the coordinator over their own socket, not through the engine); only a call that
     * would need a new one is refused.
     */
    public BackendStatus admits(EnvironmentSpec spec) {
        BackendStatus status = backend.status(spec);
        if (status.available() || !pool.hasServing(spec.poolKey())) {
            return status;
        }
        return new BackendStatus(status.backend(), true, "warm environments only: " + status.detail());
    }

    /** An environment's process ended; a busy one is handled by its invocation's runner. */
    private void exitedOnItsOwn(Environment env) {
        if (pool.removeIfIdle(env)) {
            metrics.evicted(EvictionReason.EXITED);
            Thread.startVirtualThread(() -> {
                factory.destroy(env, env.exitedFuture().join().describe());
                changed();
            });
        }
    }

    private void reap() {
        List<Environment> expired = pool.takeExpired(clock.instant(), properties.keepAlive(), prewarmer.minWarm());
        for (Environment env : expired) {
            metrics.evicted(EvictionReason.KEEP_ALIVE);
            Duration keepAlive = env.spec().policy().keepAlive();
            factory.destroy(env, "idle for the keep-alive of " + (keepAlive != null ? keepAlive : properties.keepAlive()));
        }
        if (!expired.isEmpty()) {
            changed();
        }
    }

    private static Placement.Budget withEnvironmentCap(Placement.Budget budget, int maxEnvironments) {
        return new Placement.Budget(budget.memoryMb(), budget.cpus(), maxEnvironments);
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
