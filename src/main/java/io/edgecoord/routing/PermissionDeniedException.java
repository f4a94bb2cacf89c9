package io.edgecoord.routing;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** A task called the coordinator for something its version's permissions do not name (403). */
class PermissionDeniedException extends ProblemException {

    PermissionDeniedException(String detail, String permission, String target) {
        super(HttpStatus.FORBIDDEN, "permission-denied", "Permission denied", detail);
        property("permission", permission);
        property("target", target);
    }
}
