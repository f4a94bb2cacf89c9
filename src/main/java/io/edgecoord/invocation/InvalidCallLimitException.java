package io.edgecoord.invocation;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An {@code Edgecoord-Deadline-Ms} or {@code Edgecoord-Priority} header out of its range (400). */
public class InvalidCallLimitException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/invalid-call-limit");

    InvalidCallLimitException(String header, String value, long min, long max) {
        super(HttpStatus.BAD_REQUEST);
        setType(TYPE);
        setTitle("Invalid call limit");
        setDetail(header + " must be a whole number from " + min + " to " + max + ", not '" + value + "'.");
        getBody().setProperty("header", header);
    }
}
