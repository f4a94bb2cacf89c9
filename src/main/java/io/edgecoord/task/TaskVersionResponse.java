package io.edgecoord.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One version of a task, as the API shows it.
 *
 * @param version the version number, from 1
 * @param runtime the runtime id
 * @param handler the entry point, or {@code null}
 * @param memoryMb the memory limit in MB
 * @param timeoutSeconds the timeout in seconds
 * @param environment the environment variables
 * @param secretEnvironment the secret variables' names, each with the value {@value #HIDDEN}: their values are
 *     never shown
 * @param codeSha256 the hex sha256 of the code artifact
 * @param codeSize the artifact's size in bytes
 * @param createdAt when the version was deployed
 * @param execution how it is run and scheduled
 * @param retries how its failed asynchronous calls are retried
 * @param permissions what it may reach from inside its environment
 */
record TaskVersionResponse(int version, String runtime, String handler, int memoryMb, int timeoutSeconds,
        Map<String, String> environment, Map<String, String> secretEnvironment, String codeSha256, long codeSize,
        Instant createdAt, ExecutionResponse execution, RetriesResponse retries, PermissionsResponse permissions) {

    /** What the API shows in place of a secret variable's value. */
    static final String HIDDEN = "***";

    static TaskVersionResponse of(TaskVersion version) {
        TaskSettings settings = version.settings();
        TaskExecution execution = settings.execution();
        Map<String, String> secrets = new TreeMap<>();
        version.sealedSecrets().keySet().forEach((name) -> secrets.put(name, HIDDEN));
        return new TaskVersionResponse(version.version(), settings.runtime().id(), settings.handler(),
                settings.memoryMb(), settings.timeoutSeconds(), settings.environment(), secrets,
                version.codeSha256(), version.codeSize(), version.createdAt(), ExecutionResponse.of(execution),
                RetriesResponse.of(execution), PermissionsResponse.of(settings.permissions()));
    }

    /**
     * The effective {@code execution} settings, in the deploy request's shape. Every field is shown;
     * {@code null} means the coordinator's default.
     */
    record ExecutionResponse(String isolation, Double cpus, int minWarm, Integer maxEnvironments,
            Long keepAliveSeconds, boolean pinned, int priority, int weight, Integer maxQueueLength) {

        static ExecutionResponse of(TaskExecution execution) {
            return new ExecutionResponse(ExecutionSettings.id(execution.isolation()), execution.cpus(),
                    execution.minWarm(), execution.maxEnvironments(), seconds(execution.keepAlive()),
                    execution.pinned(), execution.priority(), execution.weight(), execution.maxQueueLength());
        }
    }

    /**
     * The effective {@code retries} settings, in the deploy request's shape. Both fields are shown;
     * {@code null} means the coordinator's default ({@code edgecoord.invocation.*}).
     */
    record RetriesResponse(Integer maxRetries, Long maxEventAgeSeconds) {

        static RetriesResponse of(TaskExecution execution) {
            return new RetriesResponse(execution.maxRetries(), seconds(execution.maxEventAge()));
        }
    }

    /** The permissions, in the deploy request's shape; every list is shown, empty when it grants nothing. */
    record PermissionsResponse(ShadowsResponse shadows, List<String> invoke, List<String> publish,
            List<String> subscribe) {

        static PermissionsResponse of(TaskPermissions permissions) {
            return new PermissionsResponse(new ShadowsResponse(permissions.shadowsRead(), permissions.shadowsWrite()),
                    permissions.invoke(), permissions.publish(), permissions.subscribe());
        }

        /** The {@code permissions.shadows} object. */
        record ShadowsResponse(List<String> read, List<String> write) {
        }
    }

    private static Long seconds(Duration duration) {
        return (duration != null) ? duration.toSeconds() : null;
    }
}
