package io.edgecoord.invocation;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** An {@code Edgecoord-Deadline-Ms} or {@code Edgecoord-Priority} header out of its range (400). */
public class InvalidCallLimitException extends ProblemException {

    public InvalidCallLimitException(String header, String value, long min, long max) {
        super(HttpStatus.BAD_REQUEST, "invalid-call-limit", "Invalid call limit", header + " must be a whole number from " + min + " to " + max + ", not '" + value + "'.");
        property("header", header);
    }
}
