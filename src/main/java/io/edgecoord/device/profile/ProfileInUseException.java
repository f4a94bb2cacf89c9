package io.edgecoord.device.profile;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** A profile cannot be deleted while devices use it (409). */
public class ProfileInUseException extends ProblemException {

    public ProfileInUseException(String detail) {
        super(HttpStatus.CONFLICT, "device-profile-in-use", "Device profile in use", detail);
    }
}
