package io.edgecoord.task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;

/**
 * One immutable version of a deployed task, as the invocation module needs it. Its
 * {@link #toString()} names the secret variables and never shows their values.
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
 * @param secretEnvironment its secret variables, opened: environment variables like the others inside
 *     its environment, never to be shown or logged (unmodifiable)
 * @param permissions what it may reach from inside its environment
 */
public record DeployedTask(String name, int version, TaskRuntime runtime, String handler, int memoryMb,
        Duration timeout, Map<String, String> environment, String codeSha256, Path codeDirectory,
        TaskExecution execution, Map<String, String> secretEnvironment, TaskPermissions permissions) {

    public DeployedTask {
        environment = Map.copyOf(environment);
        execution = execution == null ? TaskExecution.DEFAULTS : execution;
        secretEnvironment = Map.copyOf(secretEnvironment);
        permissions = permissions == null ? TaskPermissions.NONE : permissions;
    }

    /** A version without secret variables or permissions. */
    public DeployedTask(String name, int version, TaskRuntime runtime, String handler, int memoryMb,
            Duration timeout, Map<String, String> environment, String codeSha256, Path codeDirectory,
            TaskExecution execution) {
        this(name, version, runtime, handler, memoryMb, timeout, environment, codeSha256, codeDirectory, execution,
                Map.of(), TaskPermissions.NONE);
    }

    /** A version with every execution setting at its default. */
    public DeployedTask(String name, int version, TaskRuntime runtime, String handler, int memoryMb,
            Duration timeout, Map<String, String> environment, String codeSha256, Path codeDirectory) {
        this(name, version, runtime, handler, memoryMb, timeout, environment, codeSha256, codeDirectory,
                TaskExecution.DEFAULTS);
    }

    @Override
    public String toString() {
        return "DeployedTask[" + this.name + ":" + this.version + ", runtime=" + this.runtime + ", handler="
                + this.handler + ", memoryMb=" + this.memoryMb + ", timeout=" + this.timeout + ", environment="
                + this.environment + ", secretEnvironment=" + new TreeSet<>(this.secretEnvironment.keySet())
                + ", codeSha256=" + this.codeSha256 + ", execution=" + this.execution + ", permissions="
                + this.permissions + "]";
    }
}
