package io.edgecoord.execution.process;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the process backend ({@code edgecoord.execution.process.*}).
 *
 * @param workRoot the folder holding the extracted runtime scripts, one working folder per
 *     environment ({@code HOME} and {@code TMPDIR}) and the pid files of running environments
 *     (application.yml: {@code ${edgecoord.data-dir}/process})
 * @param python the Python interpreter for {@code python3.11} tasks, a path or a name on {@code PATH}
 * @param killGrace how long a killed environment's processes get between SIGTERM and SIGKILL
 */
@Validated
@ConfigurationProperties("edgecoord.execution.process")
record ProcessProperties(
        @NotNull Path workRoot,
        @DefaultValue("python3") @NotBlank String python,
        @DefaultValue("2s") @NotNull Duration killGrace) {
}
