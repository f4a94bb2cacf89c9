package io.edgecoord.invocation;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** An invocation that has ended, other than cancelled, cannot be cancelled (409). */
public class InvocationNotCancellableException extends ProblemException {

    public InvocationNotCancellableException(String id, InvocationStatus status, String why) {
        super(HttpStatus.CONFLICT, "invocation-not-cancellable", "Invocation not cancellable", "Invocation '" + id + "' is " + status + ": " + why);
        property("invocationId", id);
        property("invocationStatus", status.name());
    }
}
