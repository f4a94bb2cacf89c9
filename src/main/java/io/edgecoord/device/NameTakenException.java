package io.edgecoord.device;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A device or profile with that name already exists (409). */
public class NameTakenException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/name-taken");

    NameTakenException(String detail) {
        super(HttpStatus.CONFLICT);
        setType(TYPE);
        setTitle("Name taken");
        setDetail(detail);
    }
}
