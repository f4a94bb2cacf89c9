package io.edgecoord.invocation;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An {@code Idempotency-Key} header that is blank or longer than {@value #MAX_LENGTH} characters (400). */
public class InvalidIdempotencyKeyException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/invalid-idempotency-key");
    static final int MAX_LENGTH = 256;

    InvalidIdempotencyKeyException() {
        super(HttpStatus.BAD_REQUEST);
        setType(TYPE);
        setTitle("Invalid idempotency key");
        setDetail("An Idempotency-Key must have 1 to " + MAX_LENGTH + " characters, not all blank.");
    }

    static String check(String key) {
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw new InvalidIdempotencyKeyException();
        }
        return key;
    }
}
