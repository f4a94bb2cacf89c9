package io.edgecoord.device;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No device has the given name (404). */
public class DeviceNotFoundException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/device-not-found");

    DeviceNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND);
        setType(TYPE);
        setTitle("Device not found");
        setDetail(detail);
    }
}
