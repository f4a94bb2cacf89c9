package io.edgecoord.invocation.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;

import io.edgecoord.execution.ExecutionUnavailableException;
import io.edgecoord.invocation.InvalidPayloadException;
import io.edgecoord.scheduler.QueueFullException;
import io.edgecoord.storage.DiskFullException;

/**
 * An error of the Lambda Invoke API as AWS's clients parse it: the status, the error code they
 * read from {@value #ERROR_TYPE}, and a body with {@code Type} ({@code User} or {@code Service})
 * and {@code message}. A function's own failure is never one of these: it answers 200.
 *
 * @param reason why a call was throttled, for {@code TooManyRequestsException} only
 * @param retryAfterSeconds the {@code Retry-After} to send, or {@code null}
 */
record LambdaError(HttpStatus status, String code, String type, String message, String reason,
        Integer retryAfterSeconds) {

    static final String ERROR_TYPE = "x-amzn-ErrorType";

    static LambdaError user(HttpStatus status, String code, String message) {
        return new LambdaError(status, code, "User", message, null, null);
    }

    static LambdaError service(HttpStatus status, String message) {
        return new LambdaError(status, "ServiceException", "Service", message, null, null);
    }

    /** Translates what the invocation module throws into the error Lambda would answer. */
    static LambdaError of(Throwable failure) {
        return switch (failure) {
            case LambdaFunctionNotFoundException ex -> user(HttpStatus.NOT_FOUND, "ResourceNotFoundException",
                    ex.getMessage());
            case LambdaParameterException ex -> user(HttpStatus.BAD_REQUEST, "InvalidParameterValueException",
                    ex.getMessage());
            case InvalidPayloadException ex when ex.getStatusCode().value() == 413 -> user(
                    HttpStatus.CONTENT_TOO_LARGE, "RequestTooLargeException", ex.getBody().getDetail());
            case InvalidPayloadException ex -> user(HttpStatus.BAD_REQUEST, "InvalidRequestContentException",
                    ex.getBody().getDetail());
            case QueueFullException ex -> new LambdaError(HttpStatus.TOO_MANY_REQUESTS, "TooManyRequestsException",
                    "User", "Rate Exceeded. " + ex.getBody().getDetail(), "ConcurrentInvocationLimitExceeded",
                    retryAfter(ex));
            case ExecutionUnavailableException ex -> service(HttpStatus.SERVICE_UNAVAILABLE, ex.getBody().getDetail());
            case DiskFullException ex -> new LambdaError(HttpStatus.SERVICE_UNAVAILABLE, "ServiceException", "Service",
                    ex.getBody().getDetail(), null, Integer.valueOf(ex.getHeaders().getFirst("Retry-After")));
            // A request the framework refused (a media type, a malformed header): the client's error, in Lambda's words.
            case ErrorResponse ex when ex.getStatusCode().is4xxClientError() -> clientError(ex);
            default -> service(HttpStatus.INTERNAL_SERVER_ERROR,
                    "The coordinator failed to handle the request; the error has been logged.");
        };
    }

    private static LambdaError clientError(ErrorResponse ex) {
        HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
        status = status == null ? HttpStatus.BAD_REQUEST : status;
        String code = status == HttpStatus.UNSUPPORTED_MEDIA_TYPE ? "UnsupportedMediaTypeException"
                : "InvalidRequestContentException";
        return user(status, code, ex.getBody().getDetail());
    }

    /** The body, in the shape Lambda sends. */
    Map<String, String> body() {
        Map<String, String> body = new LinkedHashMap<>();
        if (reason != null) {
            body.put("Reason", reason);
        }
        body.put("Type", type);
        body.put("message", message);
        return body;
    }

    /** The response Lambda would send, naming the request it answers. */
    ResponseEntity<Map<String, String>> toResponse(String requestId) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).header(ERROR_TYPE, code)
                .header(LambdaResults.REQUEST_ID, requestId).contentType(MediaType.APPLICATION_JSON);
        if (retryAfterSeconds != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        }
        return response.body(body());
    }

    private static Integer retryAfter(QueueFullException ex) {
        String header = ex.getHeaders().getFirst("Retry-After");
        return header == null ? 1 : Integer.valueOf(header);
    }
}
