package io.edgecoord.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.edgecoord.web.Problems;

/** Revoking this key would leave nobody able to manage keys. */
class LastAdminKeyException extends ErrorResponseException {

    LastAdminKeyException(String id) {
        super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, Problems.type("last-admin-key"),
                "Last admin key", "Key " + id + " is the last admin key; create another admin key before revoking it."),
                null);
    }
}
