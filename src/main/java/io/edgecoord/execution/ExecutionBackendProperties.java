package io.edgecoord.execution;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which backend runs environments ({@code edgecoord.execution.backend}); kept apart from
 * {@link ExecutionProperties}, which tunes the resource manager whatever the backend.
 *
 * @param backend {@code docker}, {@code process} (no container), or {@code auto}: Docker when its
 *     engine answers at start-up, else plain processes
 */
@Validated
@ConfigurationProperties("edgecoord.execution")
record ExecutionBackendProperties(@DefaultValue("auto") @NotNull ExecutionBackends.Setting backend) {
}
