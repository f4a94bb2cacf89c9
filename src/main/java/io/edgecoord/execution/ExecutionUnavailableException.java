package io.edgecoord.execution;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/** The execution backend cannot be reached, so no environment can be created now (503). */
public class ExecutionUnavailableException extends ProblemException {

    public ExecutionUnavailableException(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "execution-unavailable", "Execution backend unavailable", detail, cause);
    }
}
