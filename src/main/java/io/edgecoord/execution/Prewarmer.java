package io.edgecoord.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts environments ahead of calls for the task versions that keep some warm or are pinned,
 * and starts a pinned one again when it dies, backing off (1 s doubling to 60 s) after failed
 * starts. What to start is {@link Placement#prewarm}'s decision; this carries it out.
 *
 * <p>Thread-safe. {@link #reserve} must run under the resource manager's placement lock.
 */
final class Prewarmer {

    private static final Logger log = LoggerFactory.getLogger(Prewarmer.class);

    private final EnvironmentPool pool;
    private final EnvironmentFactory factory;
    private final PoolMetrics metrics;
    private final ExecutionProperties properties;
    private final Clock clock;
    private final PoolEvents events;
    private final Consumer<Environment> onExit;
    private volatile Map<String, EnvironmentSpec> targets = Map.of();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> backOffUntil = new ConcurrentHashMap<>();

    Prewarmer(EnvironmentPool pool, EnvironmentFactory factory, PoolMetrics metrics, ExecutionProperties properties,
            Clock clock, PoolEvents events, Consumer<Environment> onExit) {
        this.pool = pool;
        this.factory = factory;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.onExit = onExit;
    }

    /**
     * Keeps these specs' versions warm from now on, those whose policy asks for it.
     *
     * @return the pinned environments of versions no longer pinned (a newer version was
     *     deployed, or the task deleted), for the caller to drain: pinned ones are never reaped
     */
    List<String> target(List<EnvironmentSpec> specs) {
        Map<String, EnvironmentSpec> wanted = specs.stream()
                .filter(spec -> spec.policy().pinned() || spec.policy().minWarm() > 0)
                .collect(Collectors.toMap(EnvironmentSpec::poolKey, spec -> spec, (a, b) -> b, LinkedHashMap::new));
        targets = wanted;
        return pool.view(properties.cpusPerEnvironment()).stream()
                .filter(env -> env.pinned() && !wanted.containsKey(env.poolKey()))
                .map(Placement.Env::id)
                .toList();
    }

    /** Each version's minimum kept warm now, by pool key, for the keep-alive reaper. */
    Map<String, Integer> minWarm() {
        Map<String, Integer> minimum = new HashMap<>();
        targets.forEach((key, spec) -> minimum.put(key, spec.policy().minWarm()));
        return minimum;
    }

    /**
     * Reserves the environments to start now, in the pool, and returns what starts them (to run
     * outside the placement lock, each on its own thread).
     *
     * @param callsWaiting whether calls wait in the queue: then only pinned tasks are prewarmed
     */
    List<Runnable> reserve(Placement.Budget budget, boolean callsWaiting) {
        Map<String, EnvironmentSpec> wanted = targets;
        if (wanted.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Set<String> backingOff = new HashSet<>();
        backOffUntil.forEach((key, until) -> {
            if (until.isAfter(now)) {
                backingOff.add(key);
            }
        });
        List<Placement.WarmTarget> warm = wanted.values().stream()
                .map(spec -> new Placement.WarmTarget(spec.poolKey(), spec.taskName(), spec.memoryMb(),
                        spec.policy().minWarm(), spec.policy().pinned()))
                .toList();
        List<Runnable> starts = new ArrayList<>();
        for (Placement.Prewarm start : Placement.prewarm(warm, pool.view(properties.cpusPerEnvironment()), budget,
                callsWaiting, backingOff)) {
            List<Environment> evicted = pool.take(start.evict());
            Environment env = factory.reserve(wanted.get(start.poolKey()), onExit);
            pool.addPrewarming(env);
            starts.add(() -> start(env, evicted));
        }
        return starts;
    }

    private void start(Environment env, List<Environment> evicted) {
        String poolKey = env.spec().poolKey();
        evicted.forEach(victim -> {
            metrics.evicted(EvictionReason.POOL_FULL);
            factory.destroy(victim, "evicted (least recently used) to make room for pinned " + poolKey);
        });
        String failure = startAndAwaitReady(env);
        if (failure == null && pool.prewarmReady(env, clock.instant())) {
            failures.remove(poolKey);
            backOffUntil.remove(poolKey);
            metrics.prewarmed(env.spec(), "ready");
        }
        else {
            if (pool.remove(env)) {
                metrics.evicted(failure == null ? EvictionReason.DRAINED : EvictionReason.INIT_ERROR);
            }
            factory.destroy(env, failure == null ? "drained while prewarming" : "prewarming failed: " + failure);
            if (failure != null) {
                int failed = failures.merge(poolKey, 1, Integer::sum);
                Duration backOff = Duration.ofSeconds(Math.min(60, 1L << Math.min(6, failed - 1)));
                backOffUntil.put(poolKey, clock.instant().plus(backOff));
                metrics.prewarmed(env.spec(), "failed");
                log.warn("Prewarming {} failed ({}); trying again in {}", poolKey, failure, backOff);
            }
        }
        events.publish(PoolChanged.Cause.PREWARM_ENDED, poolKey);
    }

    /** Starts the environment and waits for its runtime's first poll; null when it came, else why not. */
    private String startAndAwaitReady(Environment env) {
        try {
            factory.start(env);
            Object first = CompletableFuture.anyOf(env.endpoint().ready(), env.exitedFuture())
                    .get(properties.initTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return first instanceof Instant ? null : "exited before it was ready: " + first;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        catch (TimeoutException ex) {
            return "not ready within the init timeout of " + properties.initTimeout();
        }
        catch (ExecutionException ex) {
            return String.valueOf(ex.getCause());
        }
        catch (RuntimeException ex) {
            return ex.getMessage();
        }
    }
}
