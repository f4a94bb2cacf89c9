package io.edgecoord.execution;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The execution backend cannot be reached, so no environment can be created now (503). */
public class ExecutionUnavailableException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://edgecoord.io/problems/execution-unavailable");

    public ExecutionUnavailableException(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, cause);
        setType(TYPE);
        setTitle("Execution backend unavailable");
        setDetail(detail);
    }
}
