package io.edgecoord.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.edgecoord.web.Problems;

/** Task-name patterns or topic filters a bundle gave a key break the rules of a new key's (400). */
class InvalidKeyLimitsException extends ErrorResponseException {

    InvalidKeyLimitsException(String detail) {
        super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, Problems.type("invalid-request"),
                "Invalid request", detail), null);
    }
}
