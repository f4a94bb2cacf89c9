package io.edgecoord.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where exceptions become RFC 9457 problems. Every
 * {@link org.springframework.web.ErrorResponse} (each module's named {@link ProblemException} among them) keeps its
 * own type; request validation, unreadable
 * bodies, unknown fields, malformed multipart bodies and oversized uploads get stable edgecoord
 * types, and framework problems without a type the one of their status; a database that cannot be
 * reached is a 503 {@code database-unavailable}; anything else is a 500
 * whose detail reveals nothing, while the exception itself is logged. What never reaches Spring
 * MVC's handlers is rendered by {@link ProblemErrorController}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

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
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            // A misspelt field is never ignored.
            return handleExceptionInternal(ex, UnknownFieldsException.problem(unknown), headers,
                    HttpStatus.BAD_REQUEST, request);
        }
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request",
                "The request body is not readable JSON of the expected shape.");
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return notFound(ex, ex.getHttpMethod().name(), ex.getResourcePath(), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return notFound(ex, ex.getHttpMethod(), ex.getRequestURL(), headers, request);
    }

    private ResponseEntity<Object> notFound(Exception ex, String method, String path, HttpHeaders headers,
            WebRequest request) {
        String slash = path.startsWith("/") ? "" : "/";
        ProblemDetail body = Problems.of(HttpStatus.NOT_FOUND, Problems.forStatus(HttpStatus.NOT_FOUND), "Not found",
                "No endpoint answers " + method + " " + slash + path + ".");
        return handleExceptionInternal(ex, body, headers, HttpStatus.NOT_FOUND, request);
    }

    /** A body that claims to be multipart but the container cannot parse (no boundary, cut short). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleMalformedMultipart(MultipartException ex, WebRequest request) {
        log.debug("Malformed multipart body in {}", request.getDescription(false), ex);
        return malformedMultipart(ex, new HttpHeaders(), request);
    }

    /** A part is missing; when none at all was found (a wrong boundary, garbage, nothing), the body is malformed. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (hasNoParts(request)) {
            return malformedMultipart(ex, headers, request);
        }
        return super.handleMissingServletRequestPart(ex, headers, status, request);
    }

    private ResponseEntity<Object> malformedMultipart(Exception ex, HttpHeaders headers, WebRequest request) {
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request",
                "The multipart body is malformed: no part delimited by the boundary its Content-Type names, "
                        + "or a body cut short.");
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static boolean hasNoParts(WebRequest request) {
        HttpServletRequest servlet = request instanceof NativeWebRequest web
                ? web.getNativeRequest(HttpServletRequest.class) : null;
        try {
            return servlet != null && servlet.getParts().isEmpty();
        }
        catch (IOException | ServletException | IllegalStateException unparsable) {
            return true;
        }
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String limit = (ex.getMaxUploadSize() > 0) ? " of " + ex.getMaxUploadSize() + " bytes" : "";
        ProblemDetail body = Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE, "Payload too large",
                "The upload is larger than the limit" + limit + ".");
        return handleExceptionInternal(ex, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /**
     * Gives framework problems without a type of their own (a missing part, a bad parameter, a
     * wrong method or media type) the stable type of their status (see {@link Problems#forStatus}).
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            problem.setType(Problems.forStatus(status));
        }
        if (body instanceof ProblemDetail problem && LambdaPaths.matches(path(request))) {
            // No Lambda controller was chosen (no mapping matched, the request was refused while matched):
            // AWS's clients still read only Lambda's shape.
            HttpHeaders lambda = new HttpHeaders();
            lambda.addAll(headers);
            lambda.setContentType(MediaType.APPLICATION_JSON);
            lambda.set(LambdaPaths.ERROR_TYPE, LambdaPaths.errorType(status.value()));
            return new ResponseEntity<>(LambdaPaths.body(status.value(), problem.getDetail()), lambda, status);
        }
        if (body instanceof ProblemDetail && headers.getContentType() == null) {
            // Preset, so that an Accept header that is garbage or excludes it cannot cost the problem its body.
            HttpHeaders typed = new HttpHeaders();
            typed.addAll(headers);
            typed.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return super.createResponseEntity(body, typed, status, request);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String path(WebRequest request) {
        HttpServletRequest servlet = request instanceof NativeWebRequest web
                ? web.getNativeRequest(HttpServletRequest.class) : null;
        if (servlet == null) {
            return "";
        }
        // In the error page's dispatch the path is the one that failed, not /error.
        Object failed = servlet.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String original ? original : servlet.getRequestURI();
        return uri.substring(Math.min(uri.length(), servlet.getContextPath().length()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        if (DatabaseUnavailable.causedBy(ex)) {
            // Expected while the database is away: one line, not a stack trace per request.
            log.warn("Database unavailable handling {}: {}", request.getDescription(false), ex.toString());
            return handleExceptionInternal(ex, DatabaseUnavailable.problem(), DatabaseUnavailable.headers(),
                    HttpStatus.SERVICE_UNAVAILABLE, request);
        }
        HttpServletRequest servlet = request instanceof NativeWebRequest web
                ? web.getNativeRequest(HttpServletRequest.class) : null;
        Optional<ErrorResponseException> malformed = MalformedRequests.of(ex, servlet);
        if (malformed.isPresent()) {
            log.debug("Malformed request {}", request.getDescription(false), ex);
            return handleExceptionInternal(ex, malformed.get().getBody(), new HttpHeaders(),
                    malformed.get().getStatusCode(), request);
        }
        log.error("Unexpected error handling {}", request.getDescription(false), ex);
        ProblemDetail body = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR, "Internal error",
                "The server failed to handle the request; the error has been logged.");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> invalidRequest(Exception ex, List<Map<String, String>> errors, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request",
                "The request has " + errors.size() + " invalid field" + ((errors.size() == 1) ? "" : "s") + ".");
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static Map<String, String> fieldError(String field, MessageSourceResolvable error) {
        return Map.of("field", field, "message", String.valueOf(error.getDefaultMessage()));
    }
}
