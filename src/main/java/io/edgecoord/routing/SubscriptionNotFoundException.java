package io.edgecoord.routing;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** No subscription has the given id (404). */
class SubscriptionNotFoundException extends ProblemException {

    SubscriptionNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "subscription-not-found", "Subscription not found", "No subscription has the id '" + id + "'.");
    }
}
