package io.edgecoord.execution;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an environment is in its life, each state with the data it has there, and every change
 * of state as a pure method that answers the next state (or why there is none). The
 * {@link EnvironmentPool} applies them under its lock; placement reads them as they are.
 *
 * <pre>
 * Starting ──started──> Busy ──finished──> Idle ──claimed──> Busy ...
 * Prewarming ──ready──> Idle (prewarmed)
 * any live state ──drain──> Draining (then Dead when its invocation ends), or Dead when idle
 * </pre>
 */
sealed interface EnvironmentLife {

    /** What draining does: remove an idle environment now, or a busy one when its invocation ends. */
    enum Drain { REMOVED_NOW, AFTER_INVOCATION }

    /**
     * Being created for a call; holds memory and CPU.
     *
     * @param since when it was reserved
     */
    record Starting(Instant since) implements EnvironmentLife {
    }

    /**
     * Being created ahead of calls; holds memory.
     *
     * @param since when it was reserved
     */
    record Prewarming(Instant since) implements EnvironmentLife {
    }

    /**
     * Waiting for a call; holds memory.
     *
     * @param since when it last finished a call, or became ready
     * @param prewarmed started ahead of calls and has run none yet
     */
    record Idle(Instant since, boolean prewarmed) implements EnvironmentLife {
    }

    /**
     * Running a call; holds memory and CPU.
     *
     * @param lastUsed when it took the call (its reservation, for a new one)
     * @param prewarmed its call is its first, and it was started ahead of calls
     */
    record Busy(Instant lastUsed, boolean prewarmed) implements EnvironmentLife {
    }

    /**
     * Finishing what it does (starting or running), then removed instead of going back to the
     * pool; counted as busy, as what it holds is freed only then.
     */
    record Draining(Instant lastUsed, boolean prewarmed) implements EnvironmentLife {
    }

    /** Out of the pool for good. */
    record Dead(Instant lastUsed) implements EnvironmentLife {
    }

    /** When it last took or finished a call (its creation until then). */
    default Instant lastUsed() {
        return switch (this) {
            case Starting s -> s.since();
            case Prewarming p -> p.since();
            case Idle i -> i.since();
            case Busy b -> b.lastUsed();
            case Draining d -> d.lastUsed();
            case Dead d -> d.lastUsed();
        };
    }

    /** Started ahead of calls and has run none yet (or is running its first). */
    default boolean prewarmed() {
        return switch (this) {
            case Starting s -> false;
            case Prewarming p -> true;
            case Idle i -> i.prewarmed();
            case Busy b -> b.prewarmed();
            case Draining d -> d.prewarmed();
            case Dead d -> false;
        };
    }

    /** Whether it holds CPU of the budget: it starts for a call, or runs one. */
    default boolean holdsCpu() {
        return switch (this) {
            case Starting s -> true;
            case Busy b -> true;
            case Draining d -> true;
            case Dead d -> true;
            case Prewarming p -> false;
            case Idle i -> false;
        };
    }

    /** Whether it serves calls now: idle or busy, not still starting (a start may yet fail) nor draining. */
    default boolean serving() {
        return this instanceof Idle || this instanceof Busy;
    }

    /** Its name as users see it: prewarming is starting (its {@code prewarmed} flag says the rest). */
    default String name() {
        return switch (this) {
            case Starting s -> "STARTING";
            case Prewarming p -> "STARTING";
            case Idle i -> "IDLE";
            case Busy b -> "BUSY";
            case Draining d -> "DRAINING";
            case Dead d -> "DEAD";
        };
    }

    /** A call takes it: only an idle one can be claimed. */
    default Optional<EnvironmentLife> claim(Instant now) {
        return this instanceof Idle idle ? Optional.of(new Busy(now, idle.prewarmed())) : Optional.empty();
    }

    /** A new environment takes its first invocation; one drained while it started stays draining. */
    default EnvironmentLife started() {
        return this instanceof Starting starting ? new Busy(starting.since(), false) : this;
    }

    /** A prewarming environment's runtime is ready; empty when it was drained or removed meanwhile. */
    default Optional<EnvironmentLife> ready(Instant now) {
        return this instanceof Prewarming ? Optional.of(new Idle(now, true)) : Optional.empty();
    }

    /** What draining it does. */
    default Drain drain() {
        return switch (this) {
            case Idle i -> Drain.REMOVED_NOW;
            case Dead d -> Drain.REMOVED_NOW;
            case Starting s -> Drain.AFTER_INVOCATION;
            case Prewarming p -> Drain.AFTER_INVOCATION;
            case Busy b -> Drain.AFTER_INVOCATION;
            case Draining d -> Drain.AFTER_INVOCATION;
        };
    }

    /** The state draining leaves it in: dead when it is removed now, else draining. */
    default EnvironmentLife drained() {
        return drain() == Drain.REMOVED_NOW ? new Dead(lastUsed()) : new Draining(lastUsed(), prewarmed());
    }

    /**
     * Why an environment whose invocation ended must not go back to the idle pool, or empty when it
     * may.
     *
     * @param exited whether its process has ended
     * @param inPool whether the pool still holds it (shutdown takes every environment out)
     */
    default Optional<EvictionReason> refuseRelease(boolean exited, boolean inPool) {
        if (exited) {
            return Optional.of(EvictionReason.EXITED);
        }
        if (!inPool || this instanceof Dead) {
            return Optional.of(EvictionReason.SHUTDOWN);
        }
        if (this instanceof Draining) {
            return Optional.of(EvictionReason.DRAINED);
        }
        return Optional.empty();
    }

    /** Idle again after a call, which it may take as a warm one: no longer prewarmed. */
    default EnvironmentLife released(Instant now) {
        return new Idle(now, false);
    }

    /**
     * Idle again without having run a call (its lease was given back): a prewarmed one stays
     * prewarmed, so that the next call is still counted as one.
     */
    default EnvironmentLife givenBack() {
        return this instanceof Busy busy ? new Idle(busy.lastUsed(), busy.prewarmed()) : released(lastUsed());
    }
}
