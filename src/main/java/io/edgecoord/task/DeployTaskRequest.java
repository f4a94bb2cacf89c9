package io.edgecoord.task;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /api/v1/tasks}: a task's settings and, in a JSON request, its code.
 * In a multipart request the code comes as its own part and {@code code} stays empty.
 *
 * @param name the task's name, {@code [A-Za-z0-9_-]{1,64}}
 * @param runtime a runtime id such as {@code python3.11}
 * @param handler the entry point; required for python3.11, java17 and nodejs18.x
 * @param memoryMb the memory limit, 64..10240, default 128
 * @param timeoutSeconds the timeout, 1..900, default 30
 * @param environment environment variables for the task
 * @param secretEnvironment environment variables whose values are write-only: stored encrypted, never shown
 *     (the API lists their names with the value {@code ***}); their names may not also be in {@code environment}
 * @param code the code, in a JSON request
 * @param execution how the task is run and scheduled; absent means every setting at its default
 * @param retries how its failed asynchronous calls are retried; absent means the coordinator's defaults
 * @param permissions what the task may reach from inside its environment; absent means nothing
 */
record DeployTaskRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must match [A-Za-z0-9_-]{1,64}") String name,
        @NotBlank String runtime,
        String handler,
        @Min(64) @Max(10240) Integer memoryMb,
        @Min(1) @Max(900) Integer timeoutSeconds,
        Map<String, String> environment,
        Map<String, String> secretEnvironment,
        @Valid CodeRequest code,
        ExecutionRequest execution,
        RetriesRequest retries,
        PermissionsRequest permissions) {

    /** Names the secret variables without their values, so that a debug log of the request shows none. */
    @Override
    public String toString() {
        return "DeployTaskRequest[name=" + this.name + ", runtime=" + this.runtime + ", handler=" + this.handler
                + ", memoryMb=" + this.memoryMb + ", timeoutSeconds=" + this.timeoutSeconds + ", environment="
                + this.environment + ", secretEnvironment="
                + ((this.secretEnvironment != null) ? this.secretEnvironment.keySet() : null) + ", execution="
                + this.execution + ", retries=" + this.retries + ", permissions=" + this.permissions + "]";
    }

    /**
     * Code given in a JSON request: either a single inline source file or a base64 zip (or jar).
     *
     * @param inline the source of a single file
     * @param fileName the file name of the inline source, or of the archive ({@code .jar} marks a jar)
     * @param zipBase64 a zip or jar, base64-encoded
     */
    record CodeRequest(String inline, String fileName, String zipBase64) {
    }

    /**
     * The {@code execution} object; each absent field takes its default. Ranges are checked by
     * {@link ExecutionSettings}, so that every broken rule answers the same {@code invalid-task} problem.
     *
     * @param isolation {@code container} (default) or {@code none} (a plain process)
     * @param cpus CPUs each environment reserves, 0.05..64
     * @param minWarm environments kept started ahead of calls, 0..32, default 0
     * @param maxEnvironments the most environments alive at once, 1..256
     * @param keepAliveSeconds how long an idle environment is kept, 1..86400
     * @param pinned one long-lived environment, default false
     * @param priority 0..9, default 5
     * @param weight 1..100, default 1
     * @param maxQueueLength the most calls that may wait, 1..100000
     */
    record ExecutionRequest(String isolation, Double cpus, Integer minWarm, Integer maxEnvironments,
            Integer keepAliveSeconds, Boolean pinned, Integer priority, Integer weight, Integer maxQueueLength) {
    }

    /**
     * The {@code retries} object, Lambda's limits; each absent field takes the coordinator's default.
     *
     * @param maxRetries retries of a failed asynchronous call, 0..2
     * @param maxEventAgeSeconds the oldest an asynchronous call may be when a retry would start, 60..21600
     */
    record RetriesRequest(Integer maxRetries, Integer maxEventAgeSeconds) {
    }

    /**
     * The {@code permissions} object; an absent list grants nothing. Keys it does not know are
     * collected in {@code unknown} so that a misspelt grant is refused rather than silently ignored.
     *
     * @param shadows which shadows the task may read and update
     * @param invoke name patterns of the tasks it may invoke
     * @param publish MQTT topic filters it may publish to
     * @param subscribe MQTT topic filters it may subscribe to
     * @param unknown every other key given
     */
    record PermissionsRequest(ShadowsRequest shadows, List<String> invoke, List<String> publish,
            List<String> subscribe, @JsonAnySetter Map<String, Object> unknown) {
    }

    /**
     * The {@code permissions.shadows} object.
     *
     * @param read device name patterns whose shadows the task may read
     * @param write device name patterns whose shadows the task may read and update
     * @param unknown every other key given
     */
    record ShadowsRequest(List<String> read, List<String> write, @JsonAnySetter Map<String, Object> unknown) {
    }
}
