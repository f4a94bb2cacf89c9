package io.edgecoord.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The resource manager over the {@link EnvironmentPool}: places calls on idle warm, prewarmed or
 * new environments ({@link Placement}), evicting idle ones of other task versions when the budget
 * is full, runs them through the {@link LeaseRunner}, and starts environments ahead of calls
 * through the {@link Prewarmer}. Keep-alive, draining and shutdown are the {@link PoolKeeper}'s.
 *
 * <p>Thread-safe: placement and prewarming decide one at a time, under one lock, so that each sees
 * what the other reserved; starting and running happen outside it.
 */
@Service
class PooledResourceManager implements ResourceManager {

    private static final Logger log = LoggerFactory.getLogger(PooledResourceManager.class);

    private final ExecutionBackend backend;
    private final ExecutionProperties properties;
    private final Clock clock;
    private final EnvironmentPool pool;
    private final EnvironmentFactory factory;
    private final Placement.Budget budget;
    private final LeaseRunner leases;
    private final RunningCalls running;
    private final Prewarmer prewarmer;
    private final OwnExits exits;
    private final PoolTimer timer;
    private final PoolEvents events;
    private final Object placing = new Object();

    PooledResourceManager(ExecutionBackend backend, ExecutionProperties properties, Clock clock,
            EnvironmentPool pool, EnvironmentFactory factory, Placement.Budget budget, LeaseRunner leases,
            RunningCalls running, Prewarmer prewarmer, OwnExits exits, PoolTimer timer, PoolEvents events) {
        this.backend = backend;
        this.properties = properties;
        this.clock = clock;
        this.pool = pool;
        this.factory = factory;
        this.budget = budget;
        this.leases = leases;
        this.running = running;
        this.prewarmer = prewarmer;
        this.exits = exits;
        this.timer = timer;
        this.events = events;
        log.info("Budget for environments: {} MiB of memory, {} CPUs, at most {} environments", budget.memoryMb(),
                budget.cpus(), budget.environments());
    }

    @Override
    public <T> List<T> window(List<T> calls, ToIntFunction<T> version, Function<T, Instant> waitingSince, int slots,
            Instant now, int versions, Instant queuedSince) {
        return PlacementWindow.of(calls, call -> version.applyAsInt(call), waitingSince, slots, now,
                properties.starvationLimit(), versions, queuedSince);
    }

    @Override
    public List<Lease> place(List<Candidate> candidates, int slots) {
        if (candidates.isEmpty() || slots <= 0) {
            return List.of();
        }
        List<Candidate> offered = PlacementWindow.of(candidates,
                candidate -> PlacementWindow.Version.of(candidate.request().spec()), Candidate::waitingSince, slots,
                clock.instant(), properties.starvationLimit());
        Set<String> waitForWarm = waitingForWarm(offered);
        synchronized (placing) {
            Instant now = clock.instant();
            Map<String, Candidate> byId = new HashMap<>();
            List<Placement.Demand> demands = new ArrayList<>(offered.size());
            for (Candidate candidate : offered) {
                EnvironmentSpec spec = candidate.request().spec();
                byId.put(candidate.request().invocationId(), candidate);
                demands.add(new Placement.Demand(candidate.request().invocationId(), spec.poolKey(), spec.taskName(),
                        spec.memoryMb(), EnvironmentPool.cpus(spec, properties.cpusPerEnvironment()),
                        spec.policy().maxEnvironments(), candidate.waitingSince()));
            }
            List<Lease> placed = new ArrayList<>();
            for (Placement.Decision decision : Placement.decide(demands, pool.view(properties.cpusPerEnvironment()),
                    budget, slots, now, properties.starvationLimit(), waitForWarm)) {
                Candidate candidate = byId.get(decision.callId());
                if (decision.environmentId() != null) {
                    pool.claimIdle(decision.environmentId(), now).ifPresent(env ->
                            placed.add(new Lease(candidate, decision.kind(), env, List.of())));
                }
                else {
                    List<Environment> evicted = pool.take(decision.evict());
                    Environment env = factory.reserve(candidate.request().spec(), exits);
                    pool.addStarting(env);
                    placed.add(new Lease(candidate, StartKind.COLD, env, evicted));
                }
            }
            return placed;
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

    @Override
    public ExecutionResult run(Lease lease, ExecutionListener listener) {
        ExecutionRequest request = lease.candidate().request();
        return running.track(request, listener, () -> leases.run(lease, listener));
    }

    @Override
    public boolean stop(String invocationId, String reason) {
        return running.stop(invocationId, reason);
    }

    @Override
    public void release(Lease lease) {
        leases.release(lease);
    }

    @Override
    public void prewarm(boolean callsWaiting) {
        if (!timer.running()) {
            return;
        }
        List<Runnable> starts;
        synchronized (placing) {
            starts = prewarmer.reserve(budget, callsWaiting);
        }
        starts.forEach(Thread::startVirtualThread);
    }

    @Override
    public void addListener(PoolListener listener) {
        events.add(listener);
    }
}
