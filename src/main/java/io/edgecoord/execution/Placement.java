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

    /**
     * A live environment.
     *
     * @param id its id
     * @param poolKey the task version it runs
     * @param taskName its task
     * @param life where it is in its life, with what it holds there (every live environment holds
     *     its memory; one starting for a call or running one also holds CPU)
     * @param memoryMb the memory it holds
     * @param cpus the CPU it holds while it runs
     * @param pinned never evicted
     */
    record Env(String id, String poolKey, String taskName, EnvironmentLife life, int memoryMb, double cpus,
            boolean pinned) {

        boolean idle() {
            return life instanceof EnvironmentLife.Idle;
        }

        /** Started ahead of calls and has run none yet. */
        boolean prewarmed() {
            return life.prewarmed();
        }

        /** When it last finished a call (or was created). */
        Instant lastUsed() {
            return life.lastUsed();
        }
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
        PlacementLedger state = new PlacementLedger(pool, budget);
        List<Decision> decisions = new ArrayList<>();
        boolean holdingBack = false;
        for (Demand demand : demands) {
            if (decisions.size() >= slots) {
                break;
            }
            if (demand.cpus() > state.freeCpus() + 1e-9) {
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
        PlacementLedger state = new PlacementLedger(pool, budget);
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
                .filter(env -> env.idle() && !env.pinned())
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
}
