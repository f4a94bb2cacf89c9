package io.edgecoord.task;

import java.time.Instant;

/**
 * A task with one of its versions (the latest, or the one just deployed).
 *
 * @param name the task's name
 * @param latestVersion the number of its latest version
 * @param createdAt when the task was first deployed
 * @param updatedAt when its latest version was deployed
 * @param version the version shown
 */
record TaskResponse(String name, int latestVersion, Instant createdAt, Instant updatedAt,
        TaskVersionResponse version) {

    static TaskResponse of(TaskVersion version) {
        Task task = version.task();
        return new TaskResponse(task.name(), task.latestVersion(), task.createdAt(), task.updatedAt(),
                TaskVersionResponse.of(version));
    }
}
