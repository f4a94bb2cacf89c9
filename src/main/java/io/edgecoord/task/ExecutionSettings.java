package io.edgecoord.task;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import io.edgecoord.task.DeployTaskRequest.ExecutionRequest;
import io.edgecoord.task.DeployTaskRequest.RetriesRequest;
import io.edgecoord.task.TaskExecution.Isolation;

/**
 * Turns a deploy request's {@code execution} and {@code retries} objects into a {@link TaskExecution}:
 * checks every range and the rules between settings, and applies the defaults. A broken rule is an
 * {@link InvalidTaskException} whose detail names the field, what it allows and what was given.
 */
final class ExecutionSettings {

    private static final ExecutionRequest NO_EXECUTION = new ExecutionRequest(null, null, null, null, null, null,
            null, null, null);

    private static final RetriesRequest NO_RETRIES = new RetriesRequest(null, null);

    private ExecutionSettings() {
    }

    /**
     * The checked settings, with defaults where a field (or the whole object) is absent.
     * @throws InvalidTaskException naming the first rule broken
     */
    static TaskExecution of(TaskRuntime runtime, ExecutionRequest execution, RetriesRequest retries) {
        ExecutionRequest given = (execution != null) ? execution : NO_EXECUTION;
        RetriesRequest retry = (retries != null) ? retries : NO_RETRIES;
        Isolation isolation = isolation(runtime, given.isolation());
        Double cpus = given.cpus();
        require(cpus == null || (cpus >= 0.05 && cpus <= 64),
                "execution.cpus must be between 0.05 and 64 (the CPUs each environment reserves); got " + cpus + ".");
        int minWarm = orDefault(inRange("execution.minWarm", given.minWarm(), 0, 32), 0);
        Integer maxEnvironments = inRange("execution.maxEnvironments", given.maxEnvironments(), 1, 256);
        Integer keepAliveSeconds = inRange("execution.keepAliveSeconds", given.keepAliveSeconds(), 1, 86_400);
        int priority = orDefault(inRange("execution.priority", given.priority(), 0, 9), TaskExecution.DEFAULT_PRIORITY);
        int weight = orDefault(inRange("execution.weight", given.weight(), 1, 100), 1);
        Integer maxQueueLength = inRange("execution.maxQueueLength", given.maxQueueLength(), 1, 100_000);
        Integer maxRetries = inRange("retries.maxRetries", retry.maxRetries(), 0, 2);
        Integer maxEventAgeSeconds = inRange("retries.maxEventAgeSeconds", retry.maxEventAgeSeconds(), 60, 21_600);
        require(maxEnvironments == null || minWarm <= maxEnvironments, "execution.minWarm (" + minWarm
                + ") may not exceed execution.maxEnvironments (" + maxEnvironments + ").");
        boolean pinned = Boolean.TRUE.equals(given.pinned());
        require(!pinned || (minWarm <= 1 && (maxEnvironments == null || maxEnvironments <= 1)),
                "A pinned task runs in exactly one long-lived environment, so execution.minWarm and "
                        + "execution.maxEnvironments may not exceed 1; got minWarm " + minWarm + " and maxEnvironments "
                        + maxEnvironments + ".");
        return new TaskExecution(isolation, cpus, minWarm, maxEnvironments, seconds(keepAliveSeconds), pinned,
                priority, weight, maxQueueLength, maxRetries, seconds(maxEventAgeSeconds));
    }

    /** The API's name of an isolation: {@code container}, {@code none}. */
    static String id(Isolation isolation) {
        return isolation.name().toLowerCase(Locale.ROOT);
    }

    private static Isolation isolation(TaskRuntime runtime, String id) {
        if (id == null) {
            return TaskExecution.DEFAULTS.isolation();
        }
        Isolation isolation = Arrays.stream(Isolation.values())
            .filter((candidate) -> id(candidate).equals(id))
            .findFirst()
            .orElseThrow(() -> new InvalidTaskException("execution.isolation '" + id + "' is unknown; use "
                    + "'container' (a Docker container, the default) or 'none' (a plain process)."));
        require(isolation != Isolation.NONE || runtime.runsWithoutContainer(), "execution.isolation 'none' runs "
                + "the task as a plain process, which only " + String.join(" and ", processRuntimes())
                + " tasks can do; " + runtime.id() + " tasks need their runtime's container image (java17: the "
                + "JVM and the Lambda runtime client). Use isolation 'container'.");
        return isolation;
    }

    private static String[] processRuntimes() {
        return Arrays.stream(TaskRuntime.values())
            .filter(TaskRuntime::runsWithoutContainer)
            .map(TaskRuntime::id)
            .toArray(String[]::new);
    }

    private static Integer inRange(String field, Integer value, int min, int max) {
        require(value == null || (value >= min && value <= max),
                field + " must be between " + min + " and " + max + "; got " + value + ".");
        return value;
    }

    private static int orDefault(Integer value, int otherwise) {
        return (value != null) ? value : otherwise;
    }

    private static Duration seconds(Integer seconds) {
        return (seconds != null) ? Duration.ofSeconds(seconds) : null;
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw new InvalidTaskException(detail);
        }
    }
}
