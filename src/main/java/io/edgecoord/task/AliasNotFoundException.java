package io.edgecoord.task;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The task has no alias of that name (404). */
public class AliasNotFoundException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/alias-not-found");

    public AliasNotFoundException(String task, String alias) {
        super(HttpStatus.NOT_FOUND);
        setType(TYPE);
        setTitle("Alias not found");
        setDetail("Task '" + task + "' has no alias '" + alias + "'.");
    }
}
