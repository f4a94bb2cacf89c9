package io.edgecoord.task;

import java.util.List;

/**
 * All versions of a task.
 *
 * @param name the task's name
 * @param versions its versions, newest first
 */
record TaskVersionsResponse(String name, List<TaskVersionResponse> versions) {
}
