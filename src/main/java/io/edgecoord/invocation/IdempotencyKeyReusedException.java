package io.edgecoord.invocation;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** An {@code Idempotency-Key} came again with a payload other than its first call's (409). */
public class IdempotencyKeyReusedException extends ProblemException {

    public IdempotencyKeyReusedException(String task, String key, String firstInvocationId) {
        super(HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency key reused", "The Idempotency-Key '" + key + "' of task '" + task + "' was first used for invocation '"
                + firstInvocationId + "' with a different payload.");
        property("invocationId", firstInvocationId);
    }
}
