package io.edgecoord.invocation;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** No invocation has this id (404). */
public class InvocationNotFoundException extends ProblemException {

    public InvocationNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "invocation-not-found", "Invocation not found", "No invocation has the id '" + id + "'.");
    }
}
