package io.edgecoord.task;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** No task has the given name, or the task has no such version (404). */
public class TaskNotFoundException extends ProblemException {

    /** No task has this name. */
    public TaskNotFoundException(String name) {
        super(HttpStatus.NOT_FOUND, "task-not-found", "Task not found", "No task is named '" + name + "'.");
    }

    /** The task, or this version of it, is missing. */
    public TaskNotFoundException(String name, int version) {
        super(HttpStatus.NOT_FOUND, "task-not-found", "Task not found",
                "Task '" + name + "' has no version " + version + ".");
    }
}
