package io.edgecoord.execution;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which backend runs environments ({@code edgecoord.execution.backend}); kept apart from
 * {@link ExecutionProperties}, which tunes the resource manager whatever the backend.
 *
 * @param backend {@code docker}, {@code process} (every task a plain process, no container), or
 *     {@code auto}: as {@code docker}, except that without an engine at start-up the coordinator is
 *     still healthy and refuses only the tasks that ask for container isolation, until the engine
 *     answers; never a silent fall-back to plain processes
 */
@Validated
@ConfigurationProperties("edgecoord.execution")
record ExecutionBackendProperties(@DefaultValue("auto") @NotNull ExecutionBackends.Setting backend) {
}
