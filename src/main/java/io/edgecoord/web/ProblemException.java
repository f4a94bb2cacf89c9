package io.edgecoord.web;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * A named edgecoord problem: its status, its type {@link Problems#BASE} + slug, title, detail, extra
 * properties and headers, rendered as it is by {@link ProblemHandler} (and in Lambda's shape on its paths).
 */
public abstract class ProblemException extends ErrorResponseException {

    protected ProblemException(HttpStatusCode status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    protected ProblemException(HttpStatusCode status, String slug, String title, String detail, Throwable cause) {
        super(status, Problems.of(status, Problems.type(slug), title, detail), cause);
    }

    /** The problem's {@code type}. */
    public URI type() {
        return getBody().getType();
    }

    /** Adds a member to the problem's JSON beside type, title, status and detail. */
    protected final void property(String name, Object value) {
        getBody().setProperty(name, value);
    }

    /** Tells the caller when to try again. */
    protected final void retryAfter(long seconds) {
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    }
}
