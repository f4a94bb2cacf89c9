package io.edgecoord.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions become RFC 9457 problems. Every
 * {@link org.springframework.web.ErrorResponse} keeps its own type; request validation, unreadable
 * bodies and oversized uploads get stable edgecoord types; anything else is a 500 whose detail
 * reveals nothing, while the exception itself is logged.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    static final URI INVALID_REQUEST = Problems.type("invalid-request");

    static final URI PAYLOAD_TOO_LARGE = Problems.type("payload-too-large");

    static final URI INTERNAL_ERROR = Problems.type("internal-error");

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult()
            .getAllErrors()
            .stream()
            .map((error) -> fieldError((error instanceof FieldError field) ? field.getField() : error.getObjectName(),
                    error))
            .toList();
        return invalidRequest(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults()
            .stream()
            .flatMap((result) -> result.getResolvableErrors()
                .stream()
                .map((error) -> fieldError(result.getMethodParameter().getParameterName(), error)))
            .toList();
        return invalidRequest(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request",
                "The request body is not readable JSON of the expected shape.");
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String limit = (ex.getMaxUploadSize() > 0) ? " of " + ex.getMaxUploadSize() + " bytes" : "";
        ProblemDetail body = Problems.of(HttpStatus.CONTENT_TOO_LARGE, PAYLOAD_TOO_LARGE, "Payload too large",
                "The upload is larger than the limit" + limit + ".");
        return handleExceptionInternal(ex, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /** Gives framework 400s without a type of their own (a missing part, a bad parameter) the invalid-request type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && status.value() == 400
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            problem.setType(INVALID_REQUEST);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error handling {}", request.getDescription(false), ex);
        ProblemDetail body = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR, "Internal error",
                "The server failed to handle the request; the error has been logged.");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> invalidRequest(Exception ex, List<Map<String, String>> errors, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request",
                "The request has " + errors.size() + " invalid field" + ((errors.size() == 1) ? "" : "s") + ".");
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static Map<String, String> fieldError(String field, MessageSourceResolvable error) {
        return Map.of("field", field, "message", String.valueOf(error.getDefaultMessage()));
    }
}
