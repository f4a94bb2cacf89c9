package io.edgecoord.invocation.api;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** An invoke names what to run twice, in ways that disagree (400). */
class InvalidQualifierException extends ProblemException {

    InvalidQualifierException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-qualifier", "Invalid qualifier", detail);
    }
}
