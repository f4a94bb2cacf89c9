package io.edgecoord.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every live environment, with where it is in its life. Every change of an environment's life
 * happens here, under this object's lock, as {@link EnvironmentLife} decides it; the effects
 * (creating, destroying) happen outside it.
 */
final class EnvironmentPool {

    private final Map<String, Environment> all = new LinkedHashMap<>();

    synchronized void addStarting(Environment env) {
        all.put(env.id(), env);
    }

    /** Adds an environment being started ahead of calls; it holds memory but runs nothing yet. */
    synchronized void addPrewarming(Environment env) {
        env.life(new EnvironmentLife.Prewarming(env.createdAt()));
        all.put(env.id(), env);
    }

    /**
     * A prewarming environment's runtime is ready: it becomes idle, to be taken as prewarmed.
     * False when it was drained or removed meanwhile.
     */
    synchronized boolean prewarmReady(Environment env, Instant now) {
        Optional<EnvironmentLife> ready = all.containsKey(env.id()) ? env.life().ready(now) : Optional.empty();
        ready.ifPresent(env::life);
        return ready.isPresent();
    }

    /** Takes a given idle environment as busy, for a call placed on it; empty when it is no longer idle. */
    synchronized Optional<Environment> claimIdle(String environmentId, Instant now) {
        Environment env = all.get(environmentId);
        if (env == null) {
            return Optional.empty();
        }
        Optional<EnvironmentLife> busy = env.life().claim(now);
        busy.ifPresent(env::life);
        return busy.map(life -> env);
    }

    /** Takes out the environments with these ids, for the caller to destroy. */
    synchronized List<Environment> take(List<String> ids) {
        return takeAll(ids);
    }

    /**
     * Every live environment as placement sees it.
     *
     * @param defaultCpus what a running call reserves when its task does not say
     */
    synchronized List<Placement.Env> view(double defaultCpus) {
        return all.values().stream().map(env -> new Placement.Env(env.id(), env.spec().poolKey(),
                env.spec().taskName(), env.life(), env.spec().memoryMb(), cpus(env.spec(), defaultCpus),
                env.spec().policy().pinned())).toList();
    }

    /**
     * Idle environments whose keep-alive ran out, keeping each version's minimum, taken out.
     *
     * @param minWarm the minimum of each task version kept warm now, by pool key
     */
    synchronized List<Environment> takeExpired(Instant now, Duration defaultKeepAlive, Map<String, Integer> minWarm) {
        Map<String, Duration> keepAlive = new HashMap<>();
        all.values().forEach(env -> {
            Duration own = env.spec().policy().keepAlive();
            keepAlive.put(env.id(), own != null ? own : defaultKeepAlive);
        });
        return takeAll(Placement.expired(view(0), keepAlive, minWarm, now));
    }

    /** What a running call of this spec reserves of the CPU budget. */
    static double cpus(EnvironmentSpec spec, double defaultCpus) {
        return spec.policy().cpus() > 0 ? spec.policy().cpus() : defaultCpus;
    }

    /** The CPUs running calls hold now. */
    synchronized double busyCpus(double defaultCpus) {
        return all.values().stream()
                .filter(env -> env.life().holdsCpu())
                .mapToDouble(env -> cpus(env.spec(), defaultCpus)).sum();
    }

    /** A new environment takes its first invocation, unless it was drained or removed meanwhile. */
    synchronized void markBusy(Environment env) {
        env.life(env.life().started());
    }

    /**
     * Returns a busy environment to the idle pool; else says why it may not go back (it died, was
     * drained or the pool was emptied meanwhile), leaving it to the caller to remove.
     */
    synchronized Optional<EvictionReason> release(Environment env, Instant now) {
        return backToIdle(env, env.life().released(now));
    }

    /** Returns an environment whose lease was given back unused, as {@link #release} does a busy one. */
    synchronized Optional<EvictionReason> giveBack(Environment env) {
        return backToIdle(env, env.life().givenBack());
    }

    private Optional<EvictionReason> backToIdle(Environment env, EnvironmentLife idle) {
        Optional<EvictionReason> refused = env.life().refuseRelease(env.exitedFuture().isDone(),
                all.containsKey(env.id()));
        if (refused.isEmpty()) {
            env.life(idle);
        }
        return refused;
    }

    /** Takes out an idle environment; false when it is busy, starting or already out. */
    synchronized boolean removeIfIdle(Environment env) {
        return env.life() instanceof EnvironmentLife.Idle && remove(env);
    }

    /** Takes an environment out of the pool for good; false when it was already out. */
    synchronized boolean remove(Environment env) {
        env.life(new EnvironmentLife.Dead(env.life().lastUsed()));
        return all.remove(env.id()) != null;
    }

    synchronized int size() {
        return all.size();
    }

    /** Takes out every environment, for shutdown. */
    synchronized List<Environment> drain() {
        return takeAll(List.copyOf(all.keySet()));
    }

    /** Whether an environment of this pool key serves calls now (idle or busy; not one still starting). */
    synchronized boolean hasServing(String poolKey) {
        return all.values().stream().anyMatch(env -> env.spec().poolKey().equals(poolKey)
                && env.life().serving());
    }

    synchronized Optional<Environment> find(String environmentId) {
        return Optional.ofNullable(all.get(environmentId));
    }

    /** What every environment in the pool runs, in any state. */
    synchronized List<EnvironmentSpec> specs() {
        return all.values().stream().map(Environment::spec).toList();
    }

    /** Every live environment as it is now, oldest first. */
    synchronized List<EnvironmentSnapshot> describe(Instant now) {
        return all.values().stream().map(env -> EnvironmentSnapshot.of(env, now)).toList();
    }

    synchronized Optional<EnvironmentSnapshot> describe(String environmentId, Instant now) {
        return find(environmentId).map(env -> EnvironmentSnapshot.of(env, now));
    }

    /** How many environments are live, idle and busy, and the memory they reserve. */
    synchronized PoolSnapshot totals() {
        int idleCount = (int) all.values().stream().filter(env -> env.life() instanceof EnvironmentLife.Idle).count();
        return new PoolSnapshot(all.size(), idleCount, all.size() - idleCount, reservedMemoryMb());
    }

    synchronized long reservedMemoryMb() {
        return all.values().stream().mapToLong(env -> env.spec().memoryMb()).sum();
    }

    /** An environment that drain found, and what draining does to it. */
    record Draining(Environment environment, EnvironmentLife.Drain drain) {
    }

    /**
     * Drains an environment: an idle one is taken out now, for the caller to destroy; any other is
     * marked {@code DRAINING}, to be removed when its invocation ends. Empty when it is unknown.
     */
    synchronized Optional<Draining> startDraining(String environmentId) {
        return find(environmentId).map(env -> {
            EnvironmentLife.Drain drain = env.life().drain();
            switch (drain) {
                case REMOVED_NOW -> remove(env);
                case AFTER_INVOCATION -> env.life(env.life().drained());
            }
            return new Draining(env, drain);
        });
    }

    private List<Environment> takeAll(List<String> ids) {
        List<Environment> taken = new ArrayList<>();
        for (String id : ids) {
            Environment env = all.get(id);
            if (env != null) {
                remove(env);
                taken.add(env);
            }
        }
        return taken;
    }
}
