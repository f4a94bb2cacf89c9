package io.edgecoord.invocation.lambda;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.edgecoord.web.MalformedRequests;

/**
 * Gives every error of the Lambda Invoke API the shape AWS's clients parse ({@link LambdaError}).
 * It runs before the global RFC 9457 handler, which would otherwise answer for this controller too.
 */
@RestControllerAdvice(assignableTypes = LambdaInvokeController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LambdaErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(LambdaErrorHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> handle(Exception ex, HttpServletRequest request) {
        LambdaError error = LambdaError.of(MalformedRequests.of(ex, request).map(Exception.class::cast).orElse(ex));
        if (error.status().value() == 500) {
            log.error("Unexpected error handling a Lambda Invoke call", ex);
        }
        return error.toResponse(UUID.randomUUID().toString());
    }
}
