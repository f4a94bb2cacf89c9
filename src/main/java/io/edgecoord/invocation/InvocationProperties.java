package io.edgecoord.invocation;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of invocations ({@code edgecoord.invocation.*}).
 *
 * @param maxPayloadSize the largest event a call may carry
 * @param maxLogSize the most output kept per invocation; the rest is cut with a marker
 * @param syncWaitMargin how much longer than the task's timeout a synchronous caller waits, for
 *     queueing and a cold start, before it gets 202 and the invocation's location instead
 */
@Validated
@ConfigurationProperties("edgecoord.invocation")
record InvocationProperties(
        @DefaultValue("6MB") @NotNull DataSize maxPayloadSize,
        @DefaultValue("1MB") @NotNull DataSize maxLogSize,
        @DefaultValue("60s") @NotNull Duration syncWaitMargin) {
}
