package io.edgecoord.device.polling;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** A command names an unknown or read-only resource, or a value of the wrong type or out of range (400). */
public class InvalidValueException extends ProblemException {

    public InvalidValueException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-device-value", "Invalid device value", detail);
    }
}
