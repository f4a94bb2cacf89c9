package io.edgecoord.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where queued calls run and which environments to start ahead of them: pure functions over a
 * snapshot of the pool, the budget and the queue, so that every case is tested without Docker.
 *
 * <p>For each call, in the scheduler's order: an idle warm environment of its task version; else a
 * prewarmed one; else a new one if the budget has room; else a new one after evicting idle
 * environments of other task versions, least recently used first, until it fits; else it waits.
 * A call that cannot be placed does not hold up the calls behind it (no head-of-line blocking),
 * until it has waited for memory longer than the starvation limit: from then on, calls behind it
 * may still take idle environments but no longer start new ones, so freed memory goes to it.
 * Nothing is ever over-committed: memory counts every live environment, CPU every running call.
 */
public final class Placement {

    /**
     * A queued call, as placement needs to know it.
     *
     * @param callId the invocation id
     * @param poolKey the task version it runs
     * @param taskName its task
     * @param memoryMb what a new environment for it reserves
     * @param cpus what it reserves while it runs
     * @param maxEnvironments its task's cap on environments, 0 for none
     * @param waitingSince when it was queued
     */
    public record Demand(String callId, String poolKey, String taskName, int memoryMb, double cpus,
            int maxEnvironments, Instant waitingSince) {
    }

    /** Where an environment is in its life, as placement sees it. */
    enum Phase {
        /** Being created for a call; holds memory and CPU. */
        STARTING,
        /** Being created ahead of calls; holds memory. */
        PREWARMING,
        /** Waiting for a call; holds memory. */
        IDLE,
        /** Running a call (or draining); holds memory and CPU. */
        BUSY
    }

    /**
     * A live environment.
     *
     * @param id its id
     * @param poolKey the task version it runs
     * @param taskName its task
     * @param phase where it is
     * @param prewarmed started ahead of calls and has run none yet
     * @param lastUsed when it last finished a call (or was created)
     * @param memoryMb the memory it holds
     * @param cpus the CPU it holds while it runs
     * @param pinned never evicted
     */
    record Env(String id, String poolKey, String taskName, Phase phase, boolean prewarmed, Instant lastUsed,
            int memoryMb, double cpus, boolean pinned) {
    }

    /**
     * The coordinator's resources for environments.
     *
     * @param memoryMb what all live environments may hold, in MiB
     * @param cpus what all running calls may hold
     * @param environments the most environments alive at once
     */
    public record Budget(long memoryMb, double cpus, int environments) {

        public Budget(long memoryMb, double cpus) {
            this(memoryMb, cpus, Integer.MAX_VALUE);
        }
    }

    /**
     * Where one call runs.
     *
     * @param callId the call
     * @param kind warm, prewarmed, or cold (a new environment)
     * @param environmentId the idle environment it takes; null for a new one
     * @param evict idle environments to remove before the new one starts
     */
    public record Decision(String callId, StartKind kind, String environmentId, List<String> evict) {
    }

    /**
     * An environment to start ahead of calls.
     *
     * @param poolKey the task version
     * @param evict idle environments to remove first (only ever for a pinned task)
     */
    record Prewarm(String poolKey, List<String> evict) {
    }

    /**
     * What a task version keeps started: at least {@code minWarm} live environments; a pinned one
     * exactly one, which may evict idle environments of others to get its memory.
     */
    record WarmTarget(String poolKey, String taskName, int memoryMb, int minWarm, boolean pinned) {
    }

    private Placement() {
    }

    /**
     * Places what can run now.
     *
     * @param demands the queued calls, in the order the scheduler wants them served
     * @param pool every live environment
     * @param budget the resources environments may hold
     * @param slots how many more calls may start (the scheduler's cap on running calls)
     * @param now the time
     * @param starvationLimit how long a call may wait for memory before new environments are held
     *     back for it
     * @return the calls that start now, in {@code demands}' order; the others wait
     */
    static List<Decision> decide(List<Demand> demands, List<Env> pool, Budget budget, int slots, Instant now,
            Duration starvationLimit) {
        return decide(demands, pool, budget, slots, now, starvationLimit, Set.of());
    }

    /**
     * Places what can run now, as above; calls of the pool keys in {@code idleOnly} only take an
     * idle environment, and otherwise wait without holding a slot, CPU or memory from the others
     * (no new environment can be started for them now).
     */
    static List<Decision> decide(List<Demand> demands, List<Env> pool, Budget budget, int slots, Instant now,
            Duration starvationLimit, Set<String> idleOnly) {
        State state = new State(pool, budget);
        List<Decision> decisions = new ArrayList<>();
        boolean holdingBack = false;
        for (Demand demand : demands) {
            if (decisions.size() >= slots) {
                break;
            }
            if (demand.cpus() > state.freeCpus + 1e-9) {
                continue;
            }
            Optional<Decision> reused = state.takeIdle(demand);
            if (reused.isPresent()) {
                decisions.add(reused.get());
                continue;
            }
            if (holdingBack || idleOnly.contains(demand.poolKey()) || state.atTaskCap(demand)) {
                continue;
            }
            Optional<List<String>> victims = state.makeRoom(demand.memoryMb(), demand.poolKey());
            if (victims.isPresent()) {
                state.startNew(demand);
                decisions.add(new Decision(demand.callId(), StartKind.COLD, null, victims.get()));
            }
            else if (!demand.waitingSince().plus(starvationLimit).isAfter(now)
                    && state.couldEverFit(demand.memoryMb())) {
                holdingBack = true;
            }
        }
        return decisions;
    }

    /**
     * The environments to start ahead of calls: for each target below its minimum, one at a time,
     * pinned targets first. Prewarming only takes free memory, and none while calls wait for
     * memory; a pinned task may evict idle environments of others as a call would.
     *
     * @param backingOff task versions whose last start failed recently; started no sooner
     */
    static List<Prewarm> prewarm(List<WarmTarget> targets, List<Env> pool, Budget budget, boolean callsWaiting,
            Set<String> backingOff) {
        State state = new State(pool, budget);
        List<Prewarm> starts = new ArrayList<>();
        List<WarmTarget> ordered = targets.stream()
                .sorted(Comparator.comparing((WarmTarget t) -> !t.pinned()).thenComparing(WarmTarget::poolKey))
                .toList();
        for (WarmTarget target : ordered) {
            if (backingOff.contains(target.poolKey()) || (callsWaiting && !target.pinned())) {
                continue;
            }
            int wanted = (target.pinned() ? 1 : target.minWarm()) - state.live(target.poolKey());
            for (int i = 0; i < wanted; i++) {
                Optional<List<String>> victims = target.pinned()
                        ? state.makeRoom(target.memoryMb(), target.poolKey())
                        : state.fits(target.memoryMb()) ? Optional.of(List.of()) : Optional.empty();
                if (victims.isEmpty()) {
                    break;
                }
                state.prewarm(target);
                starts.add(new Prewarm(target.poolKey(), victims.get()));
            }
        }
        return starts;
    }

    /**
     * Idle environments whose keep-alive has run out, leaving each task version with at least its
     * minimum; pinned ones never expire.
     *
     * @param keepAlive each idle environment's keep-alive, by id
     * @param minWarm each task version's minimum, by pool key (absent: 0)
     */
    static List<String> expired(List<Env> pool, Map<String, Duration> keepAlive, Map<String, Integer> minWarm,
            Instant now) {
        Map<String, Integer> live = new HashMap<>();
        pool.forEach(env -> live.merge(env.poolKey(), 1, Integer::sum));
        List<String> expired = new ArrayList<>();
        pool.stream()
                .filter(env -> env.phase() == Phase.IDLE && !env.pinned())
                .sorted(Comparator.comparing(Env::lastUsed))
                .forEach(env -> {
                    Duration keep = keepAlive.get(env.id());
                    boolean old = keep != null && !env.lastUsed().plus(keep).isAfter(now);
                    if (old && live.get(env.poolKey()) > minWarm.getOrDefault(env.poolKey(), 0)) {
                        live.merge(env.poolKey(), -1, Integer::sum);
                        expired.add(env.id());
                    }
                });
        return expired;
    }

    /** The budget and the pool as decisions use them up. */
    private static final class State {

        private final List<Env> idle = new ArrayList<>();
        private final Map<String, Integer> liveByKey = new HashMap<>();
        private final Map<String, Integer> liveByTask = new HashMap<>();
        private long freeMemoryMb;
        private double freeCpus;
        private int freeEnvironments;
        /** The most memory a call could ever get here: the budget less what pinned environments hold. */
        private long evictableMemoryMb;

        State(List<Env> pool, Budget budget) {
            freeMemoryMb = budget.memoryMb();
            freeCpus = budget.cpus();
            freeEnvironments = budget.environments() - pool.size();
            evictableMemoryMb = budget.memoryMb();
            for (Env env : pool) {
                if (env.pinned()) {
                    evictableMemoryMb -= env.memoryMb();
                }
                freeMemoryMb -= env.memoryMb();
                if (env.phase() == Phase.BUSY || env.phase() == Phase.STARTING) {
                    freeCpus -= env.cpus();
                }
                if (env.phase() == Phase.IDLE) {
                    idle.add(env);
                }
                liveByKey.merge(env.poolKey(), 1, Integer::sum);
                liveByTask.merge(env.taskName(), 1, Integer::sum);
            }
        }

        /** The most recently used idle environment of the call's version, warm ones before prewarmed. */
        Optional<Decision> takeIdle(Demand demand) {
            Optional<Env> chosen = idle.stream()
                    .filter(env -> env.poolKey().equals(demand.poolKey()))
                    .min(Comparator.comparing(Env::prewarmed)
                            .thenComparing(Env::lastUsed, Comparator.reverseOrder()));
            chosen.ifPresent(env -> {
                idle.remove(env);
                freeCpus -= demand.cpus();
            });
            return chosen.map(env -> new Decision(demand.callId(),
                    env.prewarmed() ? StartKind.PREWARMED : StartKind.WARM, env.id(), List.of()));
        }

        boolean atTaskCap(Demand demand) {
            return demand.maxEnvironments() > 0
                    && liveByTask.getOrDefault(demand.taskName(), 0) >= demand.maxEnvironments();
        }

        boolean fits(int memoryMb) {
            return memoryMb <= freeMemoryMb && freeEnvironments > 0;
        }

        /** Whether evicting idle environments could ever make room for this much memory. */
        boolean couldEverFit(int memoryMb) {
            return memoryMb <= evictableMemoryMb;
        }

        int live(String poolKey) {
            return liveByKey.getOrDefault(poolKey, 0);
        }

        /**
         * The idle environments of other versions to evict, least recently used first, so that
         * {@code memoryMb} fits; empty when even evicting all of them would not make room.
         */
        Optional<List<String>> makeRoom(int memoryMb, String forPoolKey) {
            if (fits(memoryMb)) {
                return Optional.of(List.of());
            }
            List<Env> candidates = idle.stream()
                    .filter(env -> !env.pinned() && !env.poolKey().equals(forPoolKey))
                    .sorted(Comparator.comparing(Env::lastUsed))
                    .toList();
            long free = freeMemoryMb;
            int slots = freeEnvironments;
            List<Env> victims = new ArrayList<>();
            for (Env env : candidates) {
                if (memoryMb <= free && slots > 0) {
                    break;
                }
                victims.add(env);
                free += env.memoryMb();
                slots++;
            }
            if (memoryMb > free || slots <= 0) {
                return Optional.empty();
            }
            victims.forEach(this::remove);
            return Optional.of(victims.stream().map(Env::id).toList());
        }

        void startNew(Demand demand) {
            freeEnvironments--;
            freeMemoryMb -= demand.memoryMb();
            freeCpus -= demand.cpus();
            liveByKey.merge(demand.poolKey(), 1, Integer::sum);
            liveByTask.merge(demand.taskName(), 1, Integer::sum);
        }

        void prewarm(WarmTarget target) {
            freeEnvironments--;
            freeMemoryMb -= target.memoryMb();
            liveByKey.merge(target.poolKey(), 1, Integer::sum);
            liveByTask.merge(target.taskName(), 1, Integer::sum);
        }

        private void remove(Env env) {
            idle.remove(env);
            freeEnvironments++;
            freeMemoryMb += env.memoryMb();
            liveByKey.merge(env.poolKey(), -1, Integer::sum);
            liveByTask.merge(env.taskName(), -1, Integer::sum);
        }
    }
}
