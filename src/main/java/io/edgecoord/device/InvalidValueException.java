package io.edgecoord.device;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A command names an unknown or read-only resource, or a value of the wrong type or out of range (400). */
public class InvalidValueException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/invalid-device-value");

    InvalidValueException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        setType(TYPE);
        setTitle("Invalid device value");
        setDetail(detail);
    }
}
