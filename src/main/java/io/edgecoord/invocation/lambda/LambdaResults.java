package io.edgecoord.invocation.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.api.SyncResults;
import io.edgecoord.invocation.store.Invocation;

/**
 * How the Lambda Invoke API answers a synchronous call once its invocation has ended, as Lambda
 * does: 200 with the function's result, or 200 with {@value #FUNCTION_ERROR}{@code : Unhandled} and
 * the runtime's error document when the function failed or timed out. Only a failure of the
 * coordinator is an error response ({@code ServiceException}), and so is a call cancelled meanwhile
 * (409 {@code ResourceConflictException}).
 */
final class LambdaResults {

    static final String REQUEST_ID = "X-Amzn-RequestId";
    static final String EXECUTED_VERSION = "X-Amz-Executed-Version";
    static final String FUNCTION_ERROR = "X-Amz-Function-Error";
    static final String LOG_RESULT = "X-Amz-Log-Result";
    static final int TAIL_BYTES = 4096;

    private LambdaResults() {
    }

    static ResponseEntity<?> render(Invocation invocation, JsonMapper json) {
        return switch (invocation.status()) {
            case SUCCEEDED -> ok(invocation).body(invocation.result() == null ? new byte[0] : invocation.result());
            case TIMED_OUT -> ok(invocation).header(FUNCTION_ERROR, "Unhandled").body(json.writeValueAsBytes(
                    errorDocument("Sandbox.Timedout",
                            "RequestId: " + invocation.id() + " Error: " + invocation.errorMessage())));
            case FAILED, DEAD_LETTERED -> invocation.errorSource() == ErrorSource.FUNCTION
                    ? ok(invocation).header(FUNCTION_ERROR, "Unhandled").body(invocation.errorBody() != null
                            ? invocation.errorBody()
                            : json.writeValueAsBytes(errorDocument(invocation.errorType(), invocation.errorMessage())))
                    : coordinatorError(invocation).toResponse(invocation.id());
            case CANCELLED -> LambdaError.user(HttpStatus.CONFLICT, "ResourceConflictException",
                    invocation.errorMessage()).toResponse(invocation.id());
            case EXPIRED -> LambdaError.service(HttpStatus.GATEWAY_TIMEOUT, invocation.errorMessage())
                    .toResponse(invocation.id());
            case QUEUED, RUNNING -> LambdaError.service(HttpStatus.INTERNAL_SERVER_ERROR, "Invocation "
                    + invocation.id() + " has not ended in time; its record is at " + SyncResults.location(invocation))
                    .toResponse(invocation.id());
        };
    }

    /** Lambda's log tail: the base64 of the last {@value #TAIL_BYTES} bytes, cut at a character's start. */
    static String tail(String log) {
        byte[] utf8 = log.getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, utf8.length - TAIL_BYTES);
        while (from < utf8.length && (utf8[from] & 0xC0) == 0x80) {
            from++;
        }
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(utf8, from, utf8.length));
    }

    private static ResponseEntity.BodyBuilder ok(Invocation invocation) {
        return ResponseEntity.ok().header(REQUEST_ID, invocation.id())
                .header(SyncResults.INVOCATION_ID, invocation.id())
                .header(EXECUTED_VERSION, String.valueOf(invocation.taskVersion()))
                .contentType(MediaType.APPLICATION_JSON);
    }

    private static LambdaError coordinatorError(Invocation invocation) {
        return "Coordinator.ExecutionUnavailable".equals(invocation.errorType())
                ? LambdaError.service(HttpStatus.SERVICE_UNAVAILABLE, invocation.errorMessage())
                : LambdaError.service(HttpStatus.INTERNAL_SERVER_ERROR, invocation.errorMessage());
    }

    private static Map<String, String> errorDocument(String type, String message) {
        Map<String, String> document = new LinkedHashMap<>();
        document.put("errorMessage", message);
        document.put("errorType", type);
        return document;
    }
}
