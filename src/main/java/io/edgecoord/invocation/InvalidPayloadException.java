package io.edgecoord.invocation;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An invocation's payload is not acceptable: not JSON (400) or too large (413). */
public class InvalidPayloadException extends ErrorResponseException {

    public static final URI INVALID = URI.create("https://edgecoord.io/problems/invalid-payload");
    public static final URI TOO_LARGE = URI.create("https://edgecoord.io/problems/payload-too-large");

    private InvalidPayloadException(HttpStatus status, URI type, String title, String detail) {
        super(status);
        setType(type);
        setTitle(title);
        setDetail(detail);
    }

    static InvalidPayloadException notJson(String reason) {
        return new InvalidPayloadException(HttpStatus.BAD_REQUEST, INVALID, "Invalid payload",
                "The payload must be a JSON document: " + reason);
    }

    static InvalidPayloadException tooLarge(long max) {
        return new InvalidPayloadException(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Payload too large",
                "The payload is larger than the limit of " + max + " bytes.");
    }
}
