package io.edgecoord.device;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The device's admin state is LOCKED: no polls, no commands (423). */
public class DeviceLockedException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/device-locked");

    DeviceLockedException(String detail) {
        super(HttpStatus.LOCKED);
        setType(TYPE);
        setTitle("Device locked");
        setDetail(detail);
    }
}
