package io.edgecoord.execution;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * What an execution environment is made for: one version of one task, with its limits.
 *
 * @param taskName the task's name
 * @param taskVersion the task version this environment runs; environments are never shared
 *     between versions
 * @param runtime the runtime identifier, such as {@code python3.11}, {@code java17} or
 *     {@code provided}
 * @param handler the handler as the runtime understands it ({@code module.function},
 *     {@code pkg.Class::method}); may be empty for {@code provided}
 * @param memoryMb the memory limit in MiB; also what the environment reserves of the budget
 * @param environment the task's own environment variables, its secret ones among them: {@link #toString()}
 *     names them without their values
 * @param codeDirectory the unpacked code, mounted read-only at {@code /var/task}
 * @param network whether the environment may reach the network (off by default)
 * @param policy isolation, reservation, warm and pinned settings
 */
public record EnvironmentSpec(
        String taskName,
        int taskVersion,
        String runtime,
        String handler,
        int memoryMb,
        Map<String, String> environment,
        Path codeDirectory,
        boolean network,
        EnvironmentPolicy policy) {

    public EnvironmentSpec {
        environment = Map.copyOf(environment);
        policy = policy == null ? EnvironmentPolicy.DEFAULT : policy;
    }

    /** A spec with the default policy. */
    public EnvironmentSpec(String taskName, int taskVersion, String runtime, String handler, int memoryMb,
            Map<String, String> environment, Path codeDirectory, boolean network) {
        this(taskName, taskVersion, runtime, handler, memoryMb, environment, codeDirectory, network,
                EnvironmentPolicy.DEFAULT);
    }

    @Override
    public String toString() {
        return "EnvironmentSpec[" + poolKey() + ", runtime=" + runtime + ", handler=" + handler + ", memoryMb="
                + memoryMb + ", environment=" + new TreeSet<>(environment.keySet()) + ", codeDirectory="
                + codeDirectory + ", network=" + network + ", policy=" + policy + "]";
    }

    /** The key under which warm environments of this spec are pooled. */
    public String poolKey() {
        return taskName + ":" + taskVersion;
    }
}
