package io.edgecoord.device;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A device or profile breaks a rule that request validation cannot see (400). */
public class InvalidDefinitionException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/invalid-device-definition");

    InvalidDefinitionException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        setType(TYPE);
        setTitle("Invalid device definition");
        setDetail(detail);
    }
}
