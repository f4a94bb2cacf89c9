package io.edgecoord.scheduler;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the scheduler ({@code edgecoord.scheduler.*}).
 *
 * @param maxConcurrent the most invocations running at once, across all tasks
 * @param maxQueueLength the most calls waiting in all; beyond it calls are refused with 429
 * @param maxQueueLengthPerTask the most calls of one task waiting, unless the task says
 *     otherwise; beyond it that task's calls are refused with 429, so a flood of one task cannot
 *     fill the queue for the others
 */
@Validated
@ConfigurationProperties("edgecoord.scheduler")
record SchedulerProperties(
        @DefaultValue("8") @Min(1) int maxConcurrent,
        @DefaultValue("1000") @Min(1) int maxQueueLength,
        @DefaultValue("250") @Min(1) int maxQueueLengthPerTask) {
}
