package io.edgecoord.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.edgecoord.web.MalformedRequests;

/**
 * Gives every error of Lambda's control plane Lambda's shape ({@code x-amzn-ErrorType},
 * {@code {"Type","message"}}), translating the task module's problems once, here.
 */
@RestControllerAdvice(assignableTypes = { LambdaFunctionController.class, LambdaAliasController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class LambdaControlErrors {

    private static final Logger log = LoggerFactory.getLogger(LambdaControlErrors.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> handle(Exception ex, HttpServletRequest request) {
        LambdaException error = translate(MalformedRequests.of(ex, request).map(Exception.class::cast).orElse(ex));
        if (error.status().is5xxServerError()) {
            log.error("Unexpected error handling a Lambda control-plane call", ex);
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("Type", error.status().is5xxServerError() ? "Service" : "User");
        body.put("message", error.getMessage());
        return ResponseEntity.status(error.status()).header("x-amzn-ErrorType", error.code())
            .header("X-Amzn-RequestId", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
            .body(body);
    }

    private static LambdaException translate(Exception failure) {
        return switch (failure) {
            case LambdaException ex -> ex;
            case TaskNotFoundException ex -> LambdaException.notFound(ex.getBody().getDetail());
            case AliasNotFoundException ex -> LambdaException.notFound(ex.getBody().getDetail());
            case RollbackImpossibleException ex -> LambdaException.conflict(ex.getBody().getDetail());
            case ErrorResponse ex when ex.getStatusCode().value() == 403 -> new LambdaException(
                    HttpStatus.FORBIDDEN, "AccessDeniedException", ex.getBody().getDetail());
            case ErrorResponse ex when ex.getStatusCode().value() == 413 -> new LambdaException(
                    HttpStatus.CONTENT_TOO_LARGE, "RequestEntityTooLargeException", ex.getBody().getDetail());
            // Every other client error (a wrong media type or method included: not only ErrorResponseException's).
            case ErrorResponse ex when ex.getStatusCode().is4xxClientError() -> LambdaException
                .invalid(ex.getBody().getDetail());
            case org.springframework.http.converter.HttpMessageNotReadableException ex -> LambdaException
                .invalid("The request body is not valid JSON.");
            case TypeMismatchException ex -> LambdaException.invalid("The value of '" + ex.getPropertyName()
                    + "' is not of its type.");
            default -> new LambdaException(HttpStatus.INTERNAL_SERVER_ERROR, "ServiceException",
                    "The coordinator failed to handle the request; the error has been logged.");
        };
    }
}
