package io.edgecoord.task;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** An alias breaks a rule: its name, a version it names, or its canary's weight (400). */
public class InvalidAliasException extends ProblemException {

    InvalidAliasException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-alias", "Invalid alias", detail);
    }
}
