package io.edgecoord.routing;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A call of the Greengrass seam that names no function, subject or body it could carry out (400). */
class InvalidGreengrassCallException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://edgecoord.io/problems/invalid-greengrass-call");

    InvalidGreengrassCallException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        setType(TYPE);
        setTitle("Invalid Greengrass call");
        setDetail(detail);
    }
}
