package io.edgecoord.invocation.lifecycle;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;


/**
 * Settings of invocations ({@code edgecoord.invocation.*}). The retry settings apply to every
 * task, except that a task version's own {@code maxRetries} and {@code maxEventAge} win
 * ({@link RetryPolicy#withTask}).
 *
 * @param maxPayloadSize the largest event a call may carry
 * @param maxLogSize the most output kept per invocation; the rest is cut with a marker
 * @param syncWaitMargin how much longer than the task's timeout a synchronous caller waits, for
 *     queueing and a cold start, before it gets 202 and the invocation's location instead
 * @param maxRetries how many times a failed asynchronous call is tried again (0 to 10)
 * @param maxEventAge the oldest an asynchronous call may be when a retry would start
 * @param retryDelay the back-off before the first retry; it doubles for each further one
 * @param maxRetryDelay the longest back-off between two attempts
 * @param idempotencyWindow how long an {@code Idempotency-Key} names its first call
 * @param writeBehind the longest a change of a call's record waits in memory before it is written
 *     with others in one transaction; a crash loses at most this window of synchronous calls'
 *     records (an asynchronous call is written before it is accepted and before it starts); 0 writes
 *     every change before going on
 */
@Validated
@ConfigurationProperties("edgecoord.invocation")
public record InvocationProperties(
        @DefaultValue("6MB") @NotNull DataSize maxPayloadSize,
        @DefaultValue("1MB") @NotNull DataSize maxLogSize,
        @DefaultValue("60s") @NotNull Duration syncWaitMargin,
        @DefaultValue("2") @Min(0) @Max(10) int maxRetries,
        @DefaultValue("6h") @NotNull Duration maxEventAge,
        @DefaultValue("1s") @NotNull Duration retryDelay,
        @DefaultValue("5m") @NotNull Duration maxRetryDelay,
        @DefaultValue("1h") @NotNull Duration idempotencyWindow,
        @DefaultValue("50ms") @NotNull @DurationMax(seconds = 1) Duration writeBehind) {

    /** The settings as tests need them most: these three, and the defaults for the rest. */
    public static InvocationProperties of(DataSize maxPayloadSize, DataSize maxLogSize,
            Duration syncWaitMargin) {
        return new InvocationProperties(maxPayloadSize, maxLogSize, syncWaitMargin, 2, Duration.ofHours(6),
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMillis(50));
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxRetries, maxEventAge, retryDelay, maxRetryDelay);
    }
}
