package io.edgecoord.shadow;

import org.springframework.http.HttpStatus;

/** No device is registered under the name, so it has no shadow (404, AWS's {@code Thing not found}). */
public class UnknownDeviceException extends ShadowException {

    /** For this device name. */
    public UnknownDeviceException(String device) {
        super(HttpStatus.NOT_FOUND, "device-not-found", "Device not found", "Thing not found",
                "No device is named '" + device + "'.");
        getBody().setProperty("device", device);
    }
}
