package io.edgecoord.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.edgecoord.web.Problems;

/** No key has that id. */
class KeyNotFoundException extends ErrorResponseException {

    KeyNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, Problems.type("key-not-found"), "Key not found",
                "No API key has the id " + id + "."), null);
    }
}
