package io.edgecoord.task;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An alias breaks a rule: its name, a version it names, or its canary's weight (400). */
public class InvalidAliasException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/invalid-alias");

    InvalidAliasException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        setType(TYPE);
        setTitle("Invalid alias");
        setDetail(detail);
    }
}
