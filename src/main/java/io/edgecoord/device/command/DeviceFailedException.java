package io.edgecoord.device.command;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** The device could not be reached or answered with an error (502). */
public class DeviceFailedException extends ProblemException {

    public DeviceFailedException(String detail) {
        super(HttpStatus.BAD_GATEWAY, "device-failed", "Device failed", detail);
    }
}
