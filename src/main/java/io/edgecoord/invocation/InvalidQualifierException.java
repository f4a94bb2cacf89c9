package io.edgecoord.invocation;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An invoke names what to run twice, in ways that disagree (400). */
class InvalidQualifierException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://edgecoord.io/problems/invalid-qualifier");

    InvalidQualifierException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        setType(TYPE);
        setTitle("Invalid qualifier");
        setDetail(detail);
    }
}
