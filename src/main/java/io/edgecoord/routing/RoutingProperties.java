package io.edgecoord.routing;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of routing ({@code edgecoord.routing.*}).
 *
 * @param queueCapacityPerTarget the most events waiting per target; beyond it the oldest is dropped
 * @param maxHops the most routed task invocations in a chain (a task's result invoking a task whose
 *     result invokes another...); an event at this depth is dropped as a loop
 */
@Validated
@ConfigurationProperties("edgecoord.routing")
record RoutingProperties(
        @DefaultValue("10000") @Min(1) int queueCapacityPerTarget,
        @DefaultValue("8") @Min(1) int maxHops) {
}
