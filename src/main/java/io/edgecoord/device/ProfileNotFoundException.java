package io.edgecoord.device;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No device profile has the given name (404). */
public class ProfileNotFoundException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/device-profile-not-found");

    ProfileNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND);
        setType(TYPE);
        setTitle("Device profile not found");
        setDetail(detail);
    }
}
