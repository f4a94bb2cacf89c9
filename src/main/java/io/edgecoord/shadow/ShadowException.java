package io.edgecoord.shadow;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A shadow request refused. The problem carries AWS's error document fields as properties too:
 * {@code code} (the HTTP status), {@code message} (AWS's wording) and {@code clientToken} when the
 * request had one.
 */
public abstract class ShadowException extends ErrorResponseException {

    private static final String TYPES = "https://edgecoord.io/problems/";

    ShadowException(HttpStatus status, String slug, String title, String message) {
        this(status, slug, title, message, message);
    }

    ShadowException(HttpStatus status, String slug, String title, String message, String detail) {
        super(status);
        setType(URI.create(TYPES + slug));
        setTitle(title);
        setDetail(detail);
        getBody().setProperty("code", status.value());
        getBody().setProperty("message", message);
    }

    /** AWS's error message, as in its error document. */
    public String awsMessage() {
        return String.valueOf(getBody().getProperties().get("message"));
    }

    /** Echoes the request's client token, as AWS's error document does. */
    ShadowException clientToken(String token) {
        if (token != null) {
            getBody().setProperty("clientToken", token);
        }
        return this;
    }
}
