package io.edgecoord.shadow;

import org.springframework.http.HttpStatus;

/** The request expected another version of the shadow than the current one (409). */
public class ShadowVersionConflictException extends ShadowException {

    /** The expected and the current version, kept as properties for clients. */
    public ShadowVersionConflictException(long expected, long current) {
        super(HttpStatus.CONFLICT, "shadow-version-conflict", "Shadow version conflict", "Version conflict",
                "The request expected version " + expected + " but the shadow is at version " + current + ".");
        getBody().setProperty("expectedVersion", expected);
        getBody().setProperty("currentVersion", current);
    }

    /** Concurrent updates kept winning the race against this one. */
    public ShadowVersionConflictException(int attempts) {
        super(HttpStatus.CONFLICT, "shadow-version-conflict", "Shadow version conflict", "Version conflict",
                "Concurrent updates of this shadow won " + attempts + " times in a row; try again.");
    }
}
