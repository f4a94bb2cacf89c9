package io.edgecoord.execution;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a function may run once its event is handed over: the task's timeout, cut short by the
 * caller's deadline when that comes first. Pure; the runner passes the time of the hand-over.
 *
 * @param duration how long it may run; zero or less when the deadline has passed already
 * @param endsAt when it must have ended, sent to the runtime as {@code Lambda-Runtime-Deadline-Ms}
 * @param byDeadline whether the caller's deadline, not the timeout, sets the end
 */
record RunLimit(Duration duration, Instant endsAt, boolean byDeadline) {

    static RunLimit of(Instant now, Duration timeout, Instant deadline) {
        Instant byTimeout = now.plus(timeout);
        if (deadline == null || !deadline.isBefore(byTimeout)) {
            return new RunLimit(timeout, byTimeout, false);
        }
        return new RunLimit(Duration.between(now, deadline), deadline, true);
    }

    /** The deadline passed before the event could be handed over. */
    boolean expired() {
        return !duration.isPositive();
    }

    /** How a run that reached the limit ended. */
    ExecutionResult.TimedOut timedOut() {
        return new ExecutionResult.TimedOut(duration, byDeadline ? endsAt : null);
    }
}
