package io.edgecoord.security;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** No key has that id. */
class KeyNotFoundException extends ProblemException {

    KeyNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "key-not-found", "Key not found", "No API key has the id " + id + ".");
    }
}
