package io.edgecoord.execution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.edgecoord.execution.Placement.Budget;
import io.edgecoord.execution.Placement.Decision;
import io.edgecoord.execution.Placement.Demand;
import io.edgecoord.execution.Placement.Env;
import io.edgecoord.execution.Placement.WarmTarget;

/**
 * The budget and the pool as one run of {@link Placement}'s decisions uses them up: what is free,
 * what is idle, how many each version and task have. Made anew for each decision; not shared.
 */
final class PlacementLedger {

    private final List<Env> idle = new ArrayList<>();
    private final Map<String, Integer> liveByKey = new HashMap<>();
    private final Map<String, Integer> liveByTask = new HashMap<>();
    private long freeMemoryMb;
    private double freeCpus;
    private int freeEnvironments;
    /** The most memory a call could ever get here: the budget less what pinned environments hold. */
    private long evictableMemoryMb;

    PlacementLedger(List<Env> pool, Budget budget) {
        freeMemoryMb = budget.memoryMb();
        freeCpus = budget.cpus();
        freeEnvironments = budget.environments() - pool.size();
        evictableMemoryMb = budget.memoryMb();
        for (Env env : pool) {
            if (env.pinned()) {
                evictableMemoryMb -= env.memoryMb();
            }
            freeMemoryMb -= env.memoryMb();
            if (env.life().holdsCpu()) {
                freeCpus -= env.cpus();
            }
            if (env.idle()) {
                idle.add(env);
            }
            liveByKey.merge(env.poolKey(), 1, Integer::sum);
            liveByTask.merge(env.taskName(), 1, Integer::sum);
        }
    }

    double freeCpus() {
        return freeCpus;
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
