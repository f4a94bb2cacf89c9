package io.edgecoord.invocation;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An invocation that has ended, other than cancelled, cannot be cancelled (409). */
public class InvocationNotCancellableException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/invocation-not-cancellable");

    InvocationNotCancellableException(String id, InvocationStatus status, String why) {
        super(HttpStatus.CONFLICT);
        setType(TYPE);
        setTitle("Invocation not cancellable");
        setDetail("Invocation '" + id + "' is " + status + ": " + why);
        getBody().setProperty("invocationId", id);
        getBody().setProperty("invocationStatus", status.name());
    }
}
