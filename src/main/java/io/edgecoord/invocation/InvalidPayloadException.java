package io.edgecoord.invocation;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** An invocation's payload is not acceptable: not JSON (400) or too large (413). */
public class InvalidPayloadException extends ProblemException {

    private InvalidPayloadException(HttpStatus status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    public static InvalidPayloadException notJson(String reason) {
        return new InvalidPayloadException(HttpStatus.BAD_REQUEST, "invalid-payload", "Invalid payload",
                "The payload must be a JSON document: " + reason);
    }

    public static InvalidPayloadException tooLarge(long max) {
        return new InvalidPayloadException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The payload is larger than the limit of " + max + " bytes.");
    }
}
