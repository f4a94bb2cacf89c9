package io.edgecoord.deployment;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** A bundle breaks a rule: its form, a reference that does not resolve, code that does not match (400). */
class InvalidBundleException extends ProblemException {

    /**
     * @param item the bad item as a path into the bundle, such as {@code tasks[1]} or {@code subscriptions[0].target}
     * @param detail what is wrong with it
     */
    InvalidBundleException(String item, String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-bundle", "Invalid bundle", item + ": " + detail);
        property("item", item);
    }
}
