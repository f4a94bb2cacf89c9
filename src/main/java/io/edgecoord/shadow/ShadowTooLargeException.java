package io.edgecoord.shadow;

import org.springframework.http.HttpStatus;

/** The desired and reported state would exceed the size limit (413). */
public class ShadowTooLargeException extends ShadowException {

    /** The size the state would have and the limit, kept as properties. */
    public ShadowTooLargeException(int bytes, int limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "shadow-too-large", "Shadow too large",
                "The payload exceeds the maximum size allowed",
                "Desired and reported state would take " + bytes + " bytes; the limit is " + limit + ".");
        getBody().setProperty("stateBytes", bytes);
        getBody().setProperty("maxStateBytes", limit);
    }
}
