package io.edgecoord.invocation;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Only a dead-lettered invocation can be replayed (409). */
public class InvocationNotReplayableException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/invocation-not-replayable");

    InvocationNotReplayableException(String id, InvocationStatus status) {
        super(HttpStatus.CONFLICT);
        setType(TYPE);
        setTitle("Invocation not replayable");
        setDetail("Invocation '" + id + "' is " + status + "; only a DEAD_LETTERED invocation can be replayed.");
    }
}
