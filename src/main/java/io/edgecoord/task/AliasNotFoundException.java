package io.edgecoord.task;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** The task has no alias of that name (404). */
public class AliasNotFoundException extends ProblemException {

    public AliasNotFoundException(String task, String alias) {
        super(HttpStatus.NOT_FOUND, "alias-not-found", "Alias not found", "Task '" + task + "' has no alias '" + alias + "'.");
    }
}
