package io.edgecoord.device.profile;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** No device profile has the given name (404). */
public class ProfileNotFoundException extends ProblemException {

    ProfileNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, "device-profile-not-found", "Device profile not found", detail);
    }
}
