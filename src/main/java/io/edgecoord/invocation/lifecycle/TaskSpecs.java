package io.edgecoord.invocation.lifecycle;

import java.util.HashMap;
import java.util.Map;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.task.DeployedTask;
import io.edgecoord.task.TaskExecution;

/** What the resource manager needs to know of a deployed task version. */
final class TaskSpecs {

    private TaskSpecs() {
    }

    /**
     * The environment a version's calls run in, with its isolation, reservation and warm settings. Its
     * secret variables are environment variables like the others there: the runtime cannot tell them apart.
     */
    static EnvironmentSpec spec(DeployedTask task) {
        TaskExecution execution = task.execution();
        EnvironmentPolicy policy = new EnvironmentPolicy(
                execution.isolation() == TaskExecution.Isolation.NONE ? EnvironmentPolicy.Isolation.NONE
                        : EnvironmentPolicy.Isolation.CONTAINER,
                execution.cpus() != null ? execution.cpus() : 0, execution.minWarm(),
                execution.maxEnvironments() != null ? execution.maxEnvironments() : 0, execution.keepAlive(),
                execution.pinned());
        Map<String, String> environment = new HashMap<>(task.environment());
        environment.putAll(task.secretEnvironment());
        return new EnvironmentSpec(task.name(), task.version(), task.runtime().id(), task.handler(), task.memoryMb(),
                environment, task.codeDirectory(), false, policy);
    }
}
