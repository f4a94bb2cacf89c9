package io.edgecoord.security;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** Task-name patterns or topic filters a bundle gave a key break the rules of a new key's (400). */
class InvalidKeyLimitsException extends ProblemException {

    InvalidKeyLimitsException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }
}
