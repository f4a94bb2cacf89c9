package io.edgecoord.routing;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No subscription has the given id (404). */
class SubscriptionNotFoundException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://edgecoord.io/problems/subscription-not-found");

    SubscriptionNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND);
        setType(TYPE);
        setTitle("Subscription not found");
        setDetail("No subscription has the id '" + id + "'.");
    }
}
