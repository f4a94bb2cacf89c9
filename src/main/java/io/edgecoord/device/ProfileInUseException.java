package io.edgecoord.device;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A profile cannot be deleted while devices use it (409). */
public class ProfileInUseException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/device-profile-in-use");

    ProfileInUseException(String detail) {
        super(HttpStatus.CONFLICT);
        setType(TYPE);
        setTitle("Device profile in use");
        setDetail(detail);
    }
}
