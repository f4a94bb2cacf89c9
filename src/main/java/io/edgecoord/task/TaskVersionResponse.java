package io.edgecoord.task;

import java.time.Instant;
import java.util.Map;

/**
 * One version of a task, as the API shows it.
 *
 * @param version the version number, from 1
 * @param runtime the runtime id
 * @param handler the entry point, or {@code null}
 * @param memoryMb the memory limit in MB
 * @param timeoutSeconds the timeout in seconds
 * @param environment the environment variables
 * @param codeSha256 the hex sha256 of the code artifact
 * @param codeSize the artifact's size in bytes
 * @param createdAt when the version was deployed
 */
record TaskVersionResponse(int version, String runtime, String handler, int memoryMb, int timeoutSeconds,
        Map<String, String> environment, String codeSha256, long codeSize, Instant createdAt) {

    static TaskVersionResponse of(TaskVersion version) {
        TaskSettings settings = version.settings();
        return new TaskVersionResponse(version.version(), settings.runtime().id(), settings.handler(),
                settings.memoryMb(), settings.timeoutSeconds(), settings.environment(), version.codeSha256(),
                version.codeSize(), version.createdAt());
    }
}
