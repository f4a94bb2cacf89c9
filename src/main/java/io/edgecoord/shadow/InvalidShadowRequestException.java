package io.edgecoord.shadow;

import org.springframework.http.HttpStatus;

/** The update request document breaks AWS's rules: bad JSON, an unknown node, null in an array, too deep (400). */
public class InvalidShadowRequestException extends ShadowException {

    /** With AWS's message, such as {@code State contains an invalid node}. */
    public InvalidShadowRequestException(String message) {
        super(HttpStatus.BAD_REQUEST, "shadow-request-invalid", "Invalid shadow request", message);
    }
}
