package io.edgecoord.device;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The device could not be reached or answered with an error (502). */
public class DeviceFailedException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/device-failed");

    DeviceFailedException(String detail) {
        super(HttpStatus.BAD_GATEWAY);
        setType(TYPE);
        setTitle("Device failed");
        setDetail(detail);
    }
}
