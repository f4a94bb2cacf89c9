package io.edgecoord.execution;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The scheduler's contract with the pool of environments: place queued calls, run placed ones,
 * give back those that will not run, stop one, start environments ahead of calls, and hear when
 * the pool frees or gains something a queued call may need.
 *
 * <p>Thread-safe. {@link #run} blocks its caller until the invocation ends; call it from a
 * virtual thread. Listeners are called on the thread that changed the pool, so they must be quick
 * and must not call back into the pool.
 */
public interface ResourceManager {

    /**
     * Places what can run now, in the order given (see {@link Placement#decide}), and reserves
     * what each placed call takes, so that the budget is never over-committed. Calls not placed
     * stay with the caller.
     *
     * @param slots how many more calls may start
     */
    List<Lease> place(List<Candidate> candidates, int slots);

    /**
     * Of the calls of one task's queue, in their order, those a round of {@link #place} with
     * {@code slots} could place: per task version its first {@code slots}, and the first of the rest
     * that has waited the starvation limit or longer (see {@link PlacementWindow}). Offering only these
     * keeps a round's cost to what can start, not the backlog's length.
     *
     * @param version each call's task version
     * @param waitingSince when each call was queued
     * @param versions how many task versions the calls are of, or more: the window stops once it has
     *     what it keeps of each
     * @param queuedSince a time no call was queued before: when that is within the starvation limit,
     *     the window does not look for a starving call
     */
    <T> List<T> window(List<T> calls, ToIntFunction<T> version, Function<T, Instant> waitingSince, int slots,
            Instant now, int versions, Instant queuedSince);

    /**
     * Runs a placed call to its end and reports what happened. Never throws for the function's
     * or the backend's failures: they come back as the result's outcome.
     */
    ExecutionResult run(Lease lease, ExecutionListener listener);

    /**
     * Gives back a lease whose call will not run after all (it was cancelled meanwhile): an idle
     * environment goes back to the pool, a reserved one is dropped, and what it evicted is
     * removed as planned.
     */
    void release(Lease lease);

    /**
     * Stops an invocation this manager holds, while it gets an environment or runs: it ends
     * {@link ExecutionResult.Cancelled} and its environment is destroyed, not reused.
     *
     * @return false when no invocation with this id is held, or it has ended already
     */
    boolean stop(String invocationId, String reason);

    /**
     * Starts environments ahead of calls where a task version has fewer than it keeps warm (see
     * {@link Prewarmer}).
     *
     * @param callsWaiting whether calls wait in the queue: then only pinned tasks are prewarmed
     */
    void prewarm(boolean callsWaiting);

    /** Tells {@code listener} of every change of the pool from now on, after those added before. */
    void addListener(PoolListener listener);

    /**
     * A queued call offered for placement.
     *
     * @param request what it runs
     * @param waitingSince when it was queued
     */
    record Candidate(ExecutionRequest request, Instant waitingSince) {
    }

    /**
     * A call placed on the pool: how it starts, and (to the pool only) the environment it takes
     * (idle, or reserved for it and not started yet) and the idle ones to remove before a new one
     * starts. Run it with {@link #run} or give it back with {@link #release}.
     */
    final class Lease {

        private final Candidate candidate;
        private final StartKind kind;
        private final Environment environment;
        private final List<Environment> evicted;

        Lease(Candidate candidate, StartKind kind, Environment environment, List<Environment> evicted) {
            this.candidate = candidate;
            this.kind = kind;
            this.environment = environment;
            this.evicted = List.copyOf(evicted);
        }

        /** The call placed. */
        public Candidate candidate() {
            return candidate;
        }

        /** Whether it takes a warm, a prewarmed or a new environment. */
        public StartKind kind() {
            return kind;
        }

        Environment environment() {
            return environment;
        }

        List<Environment> evicted() {
            return evicted;
        }
    }
}
