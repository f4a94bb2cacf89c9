package io.edgecoord.security;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** Revoking this key would leave nobody able to manage keys. */
class LastAdminKeyException extends ProblemException {

    LastAdminKeyException(String id) {
        super(HttpStatus.CONFLICT, "last-admin-key", "Last admin key",
                "Key " + id + " is the last admin key; create another admin key before revoking it.");
    }
}
