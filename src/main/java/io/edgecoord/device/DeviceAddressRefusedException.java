package io.edgecoord.device;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A device's address is one that the network policy refuses; the detail names the rule (400). */
public class DeviceAddressRefusedException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/device-address-refused");

    DeviceAddressRefusedException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        setType(TYPE);
        setTitle("Device address refused");
        setDetail(detail);
    }
}
