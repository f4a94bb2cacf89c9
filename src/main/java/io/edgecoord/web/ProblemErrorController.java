package io.edgecoord.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders what reaches the servlet container's error page (a filter that failed or answered with
 * an error, an error Spring MVC's handlers never saw) as a problem whose stable type comes from
 * the status (in Lambda's shape on the Lambda APIs, {@link LambdaPaths}), in place of Boot's own JSON. The detail never carries the container's message or the
 * exception, which may reveal internals.
 */
// Not an operation of the API: the servlet container's error page, so not in the OpenAPI document.
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<?> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String original ? original : request.getRequestURI();
        // Asked for directly, the error page is no endpoint.
        HttpStatusCode status = code instanceof Integer value ? HttpStatusCode.valueOf(value) : HttpStatus.NOT_FOUND;
        boolean lambda = LambdaPaths.matches(path.substring(Math.min(path.length(), request.getContextPath().length())));
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseUnavailable.causedBy(failure)) {
            // A filter (an API key's lookup, say) that could not reach the database.
            ProblemDetail problem = DatabaseUnavailable.problem();
            return lambda
                    ? ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(DatabaseUnavailable.headers())
                        .header(LambdaPaths.ERROR_TYPE, LambdaPaths.errorType(503)).contentType(MediaType.APPLICATION_JSON)
                        .body(LambdaPaths.body(503, problem.getDetail()))
                    : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(DatabaseUnavailable.headers())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        if (lambda) {
            // AWS's clients read the error's code from its header and fail on a problem document.
            return ResponseEntity.status(status).header(LambdaPaths.ERROR_TYPE, LambdaPaths.errorType(status.value()))
                .contentType(MediaType.APPLICATION_JSON).body(LambdaPaths.body(status.value(), detail(status, path)));
        }
        ProblemDetail body = Problems.of(status, Problems.forStatus(status), title(status), detail(status, path));
        instance(path).ifPresent(body::setInstance);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** The path as the problem's instance; a path that is no URI (the container let it through) is left out. */
    private static Optional<URI> instance(String path) {
        try {
            return Optional.of(new URI(path));
        }
        catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }

    private static String detail(HttpStatusCode status, String path) {
        if (status.is5xxServerError()) {
            return "The server failed to handle the request; the error has been logged.";
        }
        if (status.value() == 404) {
            return "Nothing answers at " + path + ".";
        }
        return "The request to " + path + " was refused (" + status.value() + " " + title(status) + ").";
    }
}
