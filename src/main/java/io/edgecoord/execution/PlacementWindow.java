package io.edgecoord.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which queued calls one round of {@link Placement#decide} needs to see, so that a round costs what
 * can start rather than the length of the queue: a pure function.
 *
 * <p>A round places at most {@code slots} calls, and the calls of one task version ask for the same
 * memory and CPU: once one of them cannot be placed, those behind it in the same round cannot either,
 * since a round only uses resources up. So beyond a version's first {@code slots} calls only the
 * starvation rule can still hear of them: the first of them that has waited past the limit is kept,
 * as it may hold new environments back for itself. (In the rare round where evicting another
 * version's idle environment brings a task under its cap, a call left out waits for the next round,
 * which starts from the pool as it is then.)
 */
final class PlacementWindow {

    /** A task version as a key cheap to make and hash, unlike the new string of {@link EnvironmentSpec#poolKey()}. */
    record Version(String task, int version) {

        static Version of(EnvironmentSpec spec) {
            return new Version(spec.taskName(), spec.taskVersion());
        }
    }

    private PlacementWindow() {
    }

    /**
     * The calls worth offering, in their order.
     *
     * @param calls the queued calls, in the order the scheduler wants them served
     * @param poolKey each call's task version, as any value whose equality says the same version
     * @param waitingSince when each call was queued
     * @param slots how many calls the round may start
     */
    static <T> List<T> of(List<T> calls, Function<T, ?> poolKey, Function<T, Instant> waitingSince, int slots,
            Instant now, Duration starvationLimit) {
        return of(calls, poolKey, waitingSince, slots, now, starvationLimit, Integer.MAX_VALUE, Instant.MIN);
    }

    /**
     * The same, stopping as soon as nothing further can be kept: once every version has its first
     * {@code slots} calls and either its starving one too, or none can starve yet.
     *
     * @param versions how many versions the calls are of, or more
     * @param queuedSince a time no call was queued before
     */
    static <T> List<T> of(List<T> calls, Function<T, ?> poolKey, Function<T, Instant> waitingSince, int slots,
            Instant now, Duration starvationLimit, int versions, Instant queuedSince) {
        if (calls.size() <= slots) {
            return calls;
        }
        // A call starves once it was queued at or before this: one instant per round, not one per call.
        Instant starvedSince = now.minus(starvationLimit);
        Map<Object, Integer> seen = new HashMap<>();
        Set<Object> starvingKept = new HashSet<>();
        List<T> kept = new ArrayList<>();
        // Queued calls come in runs of one version: the maps are read only where the version changes,
        // so a long backlog costs a key and a comparison a call.
        Object run = null;
        boolean runFull = false;
        boolean runStarvingKept = false;
        boolean noneStarves = queuedSince.isAfter(starvedSince);
        int full = 0;
        for (T call : calls) {
            if (full >= versions && (noneStarves || starvingKept.size() >= versions)) {
                break; // every version has what it keeps: the rest of the queue cannot add to it
            }
            Object key = poolKey.apply(call);
            if (!key.equals(run)) {
                run = key;
                runFull = seen.getOrDefault(key, 0) >= slots;
                runStarvingKept = starvingKept.contains(key);
            }
            if (!runFull) {
                runFull = seen.merge(key, 1, Integer::sum) >= slots;
                if (runFull) {
                    full++;
                }
                kept.add(call);
            }
            else if (!runStarvingKept && !waitingSince.apply(call).isAfter(starvedSince)) {
                starvingKept.add(key);
                runStarvingKept = true;
                kept.add(call);
            }
        }
        return kept;
    }
}
