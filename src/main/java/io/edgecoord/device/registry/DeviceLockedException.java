package io.edgecoord.device.registry;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** The device's admin state is LOCKED: no polls, no commands (423). */
public class DeviceLockedException extends ProblemException {

    public DeviceLockedException(String detail) {
        super(HttpStatus.LOCKED, "device-locked", "Device locked", detail);
    }
}
