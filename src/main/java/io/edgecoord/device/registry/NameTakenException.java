package io.edgecoord.device.registry;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** A device or profile with that name already exists (409). */
public class NameTakenException extends ProblemException {

    public NameTakenException(String detail) {
        super(HttpStatus.CONFLICT, "name-taken", "Name taken", detail);
    }
}
