package io.edgecoord.device.profile;

import java.net.URI;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;
import io.edgecoord.web.Problems;

/** A device names a profile that does not exist (400). */
public class UnknownProfileException extends ProblemException {

    private static final String SLUG = "unknown-device-profile";

    public static final URI TYPE = Problems.type(SLUG);

    public UnknownProfileException(String detail) {
        super(HttpStatus.BAD_REQUEST, SLUG, "Unknown device profile", detail);
    }
}
