package io.edgecoord.execution;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** No live environment has this id: it never existed or is already gone (404). */
public class EnvironmentNotFoundException extends ProblemException {

    EnvironmentNotFoundException(String environmentId) {
        super(HttpStatus.NOT_FOUND, "environment-not-found", "Environment not found", "No live environment has the id '" + environmentId + "'.");
        property("environmentId", environmentId);
    }
}
