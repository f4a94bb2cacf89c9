package io.edgecoord.invocation;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** An {@code Idempotency-Key} header that is blank or longer than {@value #MAX_LENGTH} characters (400). */
public class InvalidIdempotencyKeyException extends ProblemException {

    static final int MAX_LENGTH = 256;

    InvalidIdempotencyKeyException() {
        super(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid idempotency key",
                "An Idempotency-Key must have 1 to " + MAX_LENGTH + " characters, not all blank.");
    }

    public static String check(String key) {
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw new InvalidIdempotencyKeyException();
        }
        return key;
    }
}
