package io.edgecoord.routing;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A task called the coordinator for something its version's permissions do not name (403). */
class PermissionDeniedException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://edgecoord.io/problems/permission-denied");

    PermissionDeniedException(String detail, String permission, String target) {
        super(HttpStatus.FORBIDDEN);
        setType(TYPE);
        setTitle("Permission denied");
        setDetail(detail);
        getBody().setProperty("permission", permission);
        getBody().setProperty("target", target);
    }
}
