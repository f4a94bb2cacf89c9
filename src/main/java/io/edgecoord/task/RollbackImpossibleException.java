package io.edgecoord.task;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A rollback has nothing to move: the task has no alias, or its alias names version 1 already (409). */
class RollbackImpossibleException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://edgecoord.io/problems/rollback-impossible");

    RollbackImpossibleException(String detail) {
        super(HttpStatus.CONFLICT);
        setType(TYPE);
        setTitle("Rollback impossible");
        setDetail(detail);
    }
}
