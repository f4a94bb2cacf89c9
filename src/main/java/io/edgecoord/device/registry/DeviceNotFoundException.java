package io.edgecoord.device.registry;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** No device has the given name (404). */
public class DeviceNotFoundException extends ProblemException {

    DeviceNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, "device-not-found", "Device not found", detail);
    }
}
