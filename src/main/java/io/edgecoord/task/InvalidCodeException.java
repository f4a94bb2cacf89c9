package io.edgecoord.task;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The code artifact is unusable: not a zip, unsafe entries, or no entry point for the runtime (400). */
class InvalidCodeException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://edgecoord.io/problems/invalid-code");

    InvalidCodeException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        setType(TYPE);
        setTitle("Invalid code");
        setDetail(detail);
    }
}
