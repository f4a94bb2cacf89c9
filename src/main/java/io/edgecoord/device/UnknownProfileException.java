package io.edgecoord.device;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A device names a profile that does not exist (400). */
public class UnknownProfileException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/unknown-device-profile");

    UnknownProfileException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        setType(TYPE);
        setTitle("Unknown device profile");
        setDetail(detail);
    }
}
