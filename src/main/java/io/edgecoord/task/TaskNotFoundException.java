package io.edgecoord.task;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No task has the given name, or the task has no such version (404). */
public class TaskNotFoundException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/task-not-found");

    /** No task has this name. */
    public TaskNotFoundException(String name) {
        super(HttpStatus.NOT_FOUND);
        describe("No task is named '" + name + "'.");
    }

    /** The task, or this version of it, is missing. */
    public TaskNotFoundException(String name, int version) {
        super(HttpStatus.NOT_FOUND);
        describe("Task '" + name + "' has no version " + version + ".");
    }

    private void describe(String detail) {
        setType(TYPE);
        setTitle("Task not found");
        setDetail(detail);
    }
}
