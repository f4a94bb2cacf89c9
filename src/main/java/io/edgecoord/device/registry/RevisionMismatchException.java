package io.edgecoord.device.registry;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** The If-Match revision is not the device's current one (412). */
public class RevisionMismatchException extends ProblemException {

    RevisionMismatchException(String detail) {
        super(HttpStatus.PRECONDITION_FAILED, "revision-mismatch", "Revision mismatch", detail);
    }
}
