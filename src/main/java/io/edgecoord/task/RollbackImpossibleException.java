package io.edgecoord.task;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** A rollback has nothing to move: the task has no alias, or its alias names version 1 already (409). */
class RollbackImpossibleException extends ProblemException {

    RollbackImpossibleException(String detail) {
        super(HttpStatus.CONFLICT, "rollback-impossible", "Rollback impossible", detail);
    }
}
