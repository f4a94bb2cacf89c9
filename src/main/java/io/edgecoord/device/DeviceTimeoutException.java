package io.edgecoord.device;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The device, or its link, did not answer within the device's timeout (504). */
public class DeviceTimeoutException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/device-timeout");

    DeviceTimeoutException(String detail) {
        super(HttpStatus.GATEWAY_TIMEOUT);
        setType(TYPE);
        setTitle("Device timed out");
        setDetail(detail);
    }
}
