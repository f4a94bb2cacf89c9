package io.edgecoord.device.registry;

import java.net.URI;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;
import io.edgecoord.web.Problems;

/** A device's address is one that the network policy refuses; the detail names the rule (400). */
public class DeviceAddressRefusedException extends ProblemException {

    private static final String SLUG = "device-address-refused";

    public static final URI TYPE = Problems.type(SLUG);

    DeviceAddressRefusedException(String detail) {
        super(HttpStatus.BAD_REQUEST, SLUG, "Device address refused", detail);
    }
}
