package io.edgecoord.invocation;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An {@code Idempotency-Key} came again with a payload other than its first call's (409). */
public class IdempotencyKeyReusedException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/idempotency-key-reused");

    IdempotencyKeyReusedException(String task, String key, String firstInvocationId) {
        super(HttpStatus.CONFLICT);
        setType(TYPE);
        setTitle("Idempotency key reused");
        setDetail("The Idempotency-Key '" + key + "' of task '" + task + "' was first used for invocation '"
                + firstInvocationId + "' with a different payload.");
        getBody().setProperty("invocationId", firstInvocationId);
    }
}
