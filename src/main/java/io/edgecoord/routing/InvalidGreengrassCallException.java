package io.edgecoord.routing;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** A call of the Greengrass seam that names no function, subject or body it could carry out (400). */
class InvalidGreengrassCallException extends ProblemException {

    InvalidGreengrassCallException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-greengrass-call", "Invalid Greengrass call", detail);
    }
}
