package io.edgecoord.device;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** A device or profile breaks a rule that request validation cannot see (400). */
public class InvalidDefinitionException extends ProblemException {

    InvalidDefinitionException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-device-definition", "Invalid device definition", detail);
    }
}
