package io.edgecoord.task;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** The code artifact is unusable: not a zip, unsafe entries, or no entry point for the runtime (400). */
class InvalidCodeException extends ProblemException {

    InvalidCodeException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-code", "Invalid code", detail);
    }
}
