package io.edgecoord.execution.docker;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Docker backend.
 *
 * @param host the engine's address ({@code unix:///var/run/docker.sock}, {@code tcp://...})
 * @param instanceId the value of the {@code edgecoord.instance} label that scopes this
 *     coordinator's containers, so leftovers of other coordinators (or tests) are never touched
 * @param cpus the CPUs each environment may use (fractions allowed)
 * @param pidsLimit the most processes and threads an environment may have
 * @param tmpSize the size of each environment's writable {@code /tmp}
 * @param user the {@code uid:gid} the runtime runs as
 * @param baseImage the local image runtime images are built on; it is never pulled
 * @param logMaxSize the size of each of the two json-file logs the engine keeps per environment
 *     ({@code 1m}: at most twice that on disk)
 * @param buildTimeout how long a runtime image build may take
 */
@Validated
@ConfigurationProperties("edgecoord.execution.docker")
record DockerProperties(
        @DefaultValue("unix:///var/run/docker.sock") @NotBlank String host,
        @DefaultValue("edgecoord") @Pattern(regexp = "[a-zA-Z0-9][a-zA-Z0-9_.-]*") String instanceId,
        @DefaultValue("1.0") @Positive double cpus,
        @DefaultValue("128") @Positive long pidsLimit,
        @DefaultValue("64MB") DataSize tmpSize,
        @DefaultValue("10001:10001") @NotBlank String user,
        @DefaultValue("debian:bookworm-slim") @NotBlank String baseImage,
        @DefaultValue("1m") @NotBlank String logMaxSize,
        @DefaultValue("10m") Duration buildTimeout) {
}
