package io.edgecoord.device.command;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** The device, or its link, did not answer within the device's timeout (504). */
public class DeviceTimeoutException extends ProblemException {

    public DeviceTimeoutException(String detail) {
        super(HttpStatus.GATEWAY_TIMEOUT, "device-timeout", "Device timed out", detail);
    }
}
