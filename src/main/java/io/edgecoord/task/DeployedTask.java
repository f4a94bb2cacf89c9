package io.edgecoord.task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One immutable version of a deployed task, as the invocation module needs it.
 *
 * @param name the task's name
 * @param version the version number, from 1
 * @param runtime the runtime the code runs on
 * @param handler the entry point ({@code module.function}, {@code pkg.Class::method}), or
 * {@code null} for a {@code provided} task without one
 * @param memoryMb the memory limit in MB
 * @param timeout the longest an invocation may run
 * @param environment the task's own environment variables (unmodifiable)
 * @param codeSha256 the hex sha256 of the stored code artifact
 * @param codeDirectory the directory holding the unpacked code (Lambda's task root)
 * @param execution how it is run and scheduled
 */
public record DeployedTask(String name, int version, TaskRuntime runtime, String handler, int memoryMb,
        Duration timeout, Map<String, String> environment, String codeSha256, Path codeDirectory, TaskExecution execution) {

    public DeployedTask {
        environment = Map.copyOf(environment);
        execution = execution == null ? TaskExecution.DEFAULTS : execution;
    }

    /** A version with every execution setting at its default. */
    public DeployedTask(String name, int version, TaskRuntime runtime, String handler, int memoryMb,
            Duration timeout, Map<String, String> environment, String codeSha256, Path codeDirectory) {
        this(name, version, runtime, handler, memoryMb, timeout, environment, codeSha256, codeDirectory,
                TaskExecution.DEFAULTS);
    }
}
