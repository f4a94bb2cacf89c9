package io.edgecoord.device.profile;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** A device or profile breaks a rule that request validation cannot see (400). */
public class InvalidDefinitionException extends ProblemException {

    public InvalidDefinitionException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-device-definition", "Invalid device definition", detail);
    }
}
