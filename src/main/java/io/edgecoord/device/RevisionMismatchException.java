package io.edgecoord.device;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The If-Match revision is not the device's current one (412). */
public class RevisionMismatchException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/revision-mismatch");

    RevisionMismatchException(String detail) {
        super(HttpStatus.PRECONDITION_FAILED);
        setType(TYPE);
        setTitle("Revision mismatch");
        setDetail(detail);
    }
}
