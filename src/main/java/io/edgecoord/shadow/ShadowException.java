package io.edgecoord.shadow;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/**
 * A shadow request refused. The problem carries AWS's error document fields as properties too:
 * {@code code} (the HTTP status), {@code message} (AWS's wording) and {@code clientToken} when the
 * request had one.
 */
public abstract class ShadowException extends ProblemException {

    ShadowException(HttpStatus status, String slug, String title, String message) {
        this(status, slug, title, message, message);
    }

    ShadowException(HttpStatus status, String slug, String title, String message, String detail) {
        super(status, slug, title, detail);
        property("code", status.value());
        property("message", message);
    }

    /** AWS's error message, as in its error document. */
    public String awsMessage() {
        return String.valueOf(getBody().getProperties().get("message"));
    }

    /** Echoes the request's client token, as AWS's error document does. */
    ShadowException clientToken(String token) {
        if (token != null) {
            property("clientToken", token);
        }
        return this;
    }
}
