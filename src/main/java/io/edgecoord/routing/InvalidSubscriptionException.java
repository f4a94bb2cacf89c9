package io.edgecoord.routing;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A subscription that cannot be routed: a bad source, subject, target or schedule (400). */
class InvalidSubscriptionException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://edgecoord.io/problems/invalid-subscription");

    InvalidSubscriptionException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST);
        setType(TYPE);
        setTitle("Invalid subscription");
        setDetail(detail);
        getBody().setProperty("field", field);
    }

    static InvalidSubscriptionException subject(String subject, String why) {
        return new InvalidSubscriptionException("subject", "The subject '" + subject + "' is not a valid MQTT topic "
                + "filter: " + why + ".");
    }
}
