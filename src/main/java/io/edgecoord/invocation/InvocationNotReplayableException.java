package io.edgecoord.invocation;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** Only a dead-lettered invocation can be replayed (409). */
public class InvocationNotReplayableException extends ProblemException {

    public InvocationNotReplayableException(String id, InvocationStatus status) {
        super(HttpStatus.CONFLICT, "invocation-not-replayable", "Invocation not replayable", "Invocation '" + id + "' is " + status + "; only a DEAD_LETTERED invocation can be replayed.");
    }
}
