package io.edgecoord.invocation.api;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.web.Problems;

/**
 * How a synchronous invoke answers once its invocation has ended. The function's result goes out
 * as it is with 200. A function's own failure is a 502 problem (504 for a timeout) carrying the
 * {@value #FUNCTION_ERROR} header, as OpenWhisk answers application errors; a failure of the
 * coordinator is a 500 or 503 problem without that header. A call cancelled meanwhile is a 409
 * problem ({@code invocation-cancelled}); one whose deadline passed before it ran is a 504
 * problem ({@code deadline-expired}), also without that header. Every answer names the invocation in
 * {@value #INVOCATION_ID} and {@code Content-Location}.
 */
public final class SyncResults {

    public static final String INVOCATION_ID = "Edgecoord-Invocation-Id";
    static final String FUNCTION_ERROR = "Edgecoord-Function-Error";
    static final URI FUNCTION_ERROR_TYPE = Problems.type("function-error");
    static final URI FUNCTION_TIMEOUT_TYPE = Problems.type("function-timeout");
    static final URI EXECUTION_FAILED_TYPE = Problems.type("execution-failed");
    static final URI CANCELLED_TYPE = Problems.type("invocation-cancelled");
    static final URI DEADLINE_EXPIRED_TYPE = Problems.type("deadline-expired");
    static final URI EXECUTION_UNAVAILABLE_TYPE = Problems.type("execution-unavailable");

    private SyncResults() {
    }

    static ResponseEntity<?> render(Invocation invocation, JsonMapper json) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(INVOCATION_ID, invocation.id());
        headers.set(HttpHeaders.CONTENT_LOCATION, location(invocation));
        return switch (invocation.status()) {
            case SUCCEEDED -> ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_JSON)
                    .body(invocation.result());
            case TIMED_OUT -> {
                headers.set(FUNCTION_ERROR, "TimedOut");
                yield problem(invocation, HttpStatus.GATEWAY_TIMEOUT, FUNCTION_TIMEOUT_TYPE, "Function timed out",
                        headers, json);
            }
            case FAILED, DEAD_LETTERED -> invocation.errorSource() == ErrorSource.FUNCTION
                    ? functionError(invocation, headers, json)
                    : coordinatorError(invocation, headers, json);
            case CANCELLED -> problem(invocation, HttpStatus.CONFLICT, CANCELLED_TYPE, "Invocation cancelled",
                    headers, json);
            case EXPIRED -> problem(invocation, HttpStatus.GATEWAY_TIMEOUT, DEADLINE_EXPIRED_TYPE, "Deadline expired",
                    headers, json);
            case QUEUED, RUNNING -> ResponseEntity.accepted().headers(headers)
                    .location(URI.create(location(invocation))).body(InvocationResponse.from(invocation, json));
        };
    }

    public static String location(Invocation invocation) {
        return "/api/v1/invocations/" + invocation.id();
    }

    private static ResponseEntity<?> functionError(Invocation invocation, HttpHeaders headers, JsonMapper json) {
        headers.set(FUNCTION_ERROR, "Unhandled");
        return problem(invocation, HttpStatus.BAD_GATEWAY, FUNCTION_ERROR_TYPE, "Function error", headers, json);
    }

    private static ResponseEntity<?> coordinatorError(Invocation invocation, HttpHeaders headers, JsonMapper json) {
        boolean unavailable = "Coordinator.ExecutionUnavailable".equals(invocation.errorType());
        return problem(invocation, unavailable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR,
                unavailable ? EXECUTION_UNAVAILABLE_TYPE : EXECUTION_FAILED_TYPE,
                unavailable ? "Execution backend unavailable" : "Invocation could not run", headers, json);
    }

    private static ResponseEntity<?> problem(Invocation invocation, HttpStatus status, URI type, String title,
            HttpHeaders headers, JsonMapper json) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, invocation.errorMessage());
        problem.setType(type);
        problem.setTitle(title);
        problem.setInstance(URI.create(location(invocation)));
        problem.setProperty("invocationId", invocation.id());
        problem.setProperty("errorType", invocation.errorType());
        problem.setProperty("errorMessage", invocation.errorMessage());
        if (invocation.errorBody() != null) {
            problem.setProperty("error", Bodies.toJson(invocation.errorBody(), json));
        }
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
