package io.edgecoord.invocation.lifecycle;

import java.time.Duration;
import java.time.Instant;

import io.edgecoord.task.TaskExecution;

/**
 * Whether a failed attempt of an asynchronous call is tried again, and when: exponential back-off
 * ({@code retryDelay × 2^(attempt − 1)}, at most {@code maxRetryDelay}), at most
 * {@code maxRetries} retries, and none that would start when the event is older than
 * {@code maxEventAge}. Pure: the caller passes the time. The coordinator's policy comes from
 * {@link InvocationProperties}; a task version may set its own limits ({@link #withTask}).
 */
public record RetryPolicy(int maxRetries, Duration maxEventAge, Duration retryDelay, Duration maxRetryDelay) {

    public static final String RETRIES_EXHAUSTED = "RetriesExhausted";
    static final String EVENT_AGE_EXCEEDED = "EventAgeExceeded";

    /** What to do with a failed attempt: try again at a time, or give up for a reason. */
    sealed interface Decision {
    }

    record Retry(Instant at) implements Decision {
    }

    record GiveUp(String reason) implements Decision {
    }

    /** This policy with the task version's own {@code maxRetries} and {@code maxEventAge}, where it sets them. */
    RetryPolicy withTask(TaskExecution execution) {
        return new RetryPolicy(execution.maxRetries() != null ? execution.maxRetries() : maxRetries,
                execution.maxEventAge() != null ? execution.maxEventAge() : maxEventAge, retryDelay, maxRetryDelay);
    }

    /**
     * @param failedAttempt the attempt that failed, 1 for the first
     * @param acceptedAt when the call was accepted, which the event's age counts from
     * @param now when the attempt failed
     */
    Decision decide(int failedAttempt, Instant acceptedAt, Instant now) {
        if (failedAttempt > maxRetries) {
            return new GiveUp(RETRIES_EXHAUSTED);
        }
        Instant at = now.plus(backOff(failedAttempt));
        if (Duration.between(acceptedAt, at).compareTo(maxEventAge) > 0) {
            return new GiveUp(EVENT_AGE_EXCEEDED);
        }
        return new Retry(at);
    }

    /** The wait after the given failed attempt (1 for the first): doubling, capped. */
    Duration backOff(int failedAttempt) {
        int doublings = Math.clamp(failedAttempt - 1, 0, 30);
        Duration delay = retryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
