package io.edgecoord.routing;

import java.net.URI;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;
import io.edgecoord.web.Problems;

/** A subscription that cannot be routed: a bad source, subject, target or schedule (400). */
class InvalidSubscriptionException extends ProblemException {

    private static final String SLUG = "invalid-subscription";

    static final URI TYPE = Problems.type(SLUG);

    InvalidSubscriptionException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, SLUG, "Invalid subscription", detail);
        property("field", field);
    }

    static InvalidSubscriptionException subject(String subject, String why) {
        return new InvalidSubscriptionException("subject", "The subject '" + subject + "' is not a valid MQTT topic "
                + "filter: " + why + ".");
    }
}
