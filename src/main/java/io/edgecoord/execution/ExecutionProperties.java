package io.edgecoord.execution;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the resource manager ({@code edgecoord.execution.*}).
 *
 * @param keepAlive how long an idle environment is kept warm before it is removed
 * @param maxEnvironments the most environments alive at once; an idle one of another task is
 *     evicted, least recently used first, to make room for a new one
 * @param initTimeout how long a new environment's runtime may take to ask for its first invocation
 * @param outputSettle how long output after a result is still attributed to that invocation
 * @param reapInterval how often idle environments are checked against the keep-alive
 */
@Validated
@ConfigurationProperties("edgecoord.execution")
record ExecutionProperties(
        @DefaultValue("10m") @NotNull Duration keepAlive,
        @DefaultValue("16") @Min(1) int maxEnvironments,
        @DefaultValue("60s") @NotNull Duration initTimeout,
        @DefaultValue("200ms") @NotNull Duration outputSettle,
        @DefaultValue("10s") @NotNull Duration reapInterval) {
}
