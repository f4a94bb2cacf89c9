package io.edgecoord.deployment;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.edgecoord.web.Problems;

/** A bundle breaks a rule: its form, a reference that does not resolve, code that does not match (400). */
class InvalidBundleException extends ErrorResponseException {

    /**
     * @param item the bad item as a path into the bundle, such as {@code tasks[1]} or {@code subscriptions[0].target}
     * @param detail what is wrong with it
     */
    InvalidBundleException(String item, String detail) {
        super(HttpStatus.BAD_REQUEST);
        setType(Problems.type("invalid-bundle"));
        setTitle("Invalid bundle");
        setDetail(item + ": " + detail);
        getBody().setProperty("item", item);
    }
}
