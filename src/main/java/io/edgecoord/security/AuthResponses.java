package io.edgecoord.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

import io.edgecoord.web.LambdaPaths;
import io.edgecoord.web.Problems;

/**
 * The answers of refused requests: RFC 9457 problems on the native API, and on the Lambda API
 * ({@code /2015-03-31/}) the body and {@code x-amzn-ErrorType} header that AWS's clients parse.
 */
final class AuthResponses {

    private final JsonMapper json;

    AuthResponses(JsonMapper json) {
        this.json = json;
    }

    /** No key came with a request that needs one. */
    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        refuse(request, response, Refusal.MISSING, "This request needs a key: send 'Authorization: Bearer "
                + "<id>.<secret>'" + (lambda(request) ? ", or sign it with AWS Signature Version 4." : "."));
    }

    /** The key is good, but may not do this. */
    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        Object why = request.getAttribute(ScopeAuthorization.REFUSAL);
        refuse(request, response, Refusal.FORBIDDEN, (why != null) ? why.toString() : "This key may not do this.");
    }

    void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal, String detail)
            throws IOException {
        refuse(request, response, refusal, detail, null);
    }

    void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal, String detail,
            Long retryAfterSeconds) throws IOException {
        response.setStatus(refusal.status);
        if (retryAfterSeconds != null) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        if (refusal.status == 401) {
            response.setHeader("WWW-Authenticate", lambda(request) ? "AWS4-HMAC-SHA256" : "Bearer");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (lambda(request)) {
            response.setHeader("x-amzn-ErrorType", refusal.lambdaCode);
            response.setContentType("application/json");
            body.put("Type", "User");
            body.put("message", detail);
        }
        else {
            response.setContentType("application/problem+json");
            body.put("type", Problems.type(refusal.slug).toString());
            body.put("title", refusal.title);
            body.put("status", refusal.status);
            body.put("detail", detail);
            body.put("instance", request.getRequestURI());
        }
        json.writeValue(response.getOutputStream(), body);
    }

    /** A refusal of a signed request: in the Lambda API's own shape there (the status and error type AWS would answer), elsewhere a problem. */
    void refuseLambda(HttpServletRequest request, HttpServletResponse response, int status, String errorType,
            String message) throws IOException {
        response.setStatus(status);
        if (!lambda(request)) {
            // A SigV4 signature sent to the native API: refused there in the native API's shape.
            String slug = switch (status) {
                case 401 -> "invalid-key";
                case 403 -> "forbidden";
                case 413 -> "payload-too-large";
                default -> "invalid-request";
            };
            response.setContentType("application/problem+json");
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", Problems.type(slug).toString());
            problem.put("title", org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
            problem.put("status", status);
            problem.put("detail", message);
            problem.put("instance", request.getRequestURI());
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        response.setHeader("x-amzn-ErrorType", errorType);
        response.setContentType("application/json");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Type", "User");
        body.put("message", message);
        json.writeValue(response.getOutputStream(), body);
    }

    private static boolean lambda(HttpServletRequest request) {
        return LambdaPaths.matches(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** Why a request was refused, with its answer on each API. */
    enum Refusal {
        MISSING(401, "unauthorized", "Unauthorized", "MissingAuthenticationTokenException"),
        INVALID_KEY(401, "invalid-key", "Invalid key", "UnrecognizedClientException"),
        FORBIDDEN(403, "forbidden", "Forbidden", "AccessDeniedException"),
        RATE_LIMITED(429, "rate-limited", "Too many requests", "TooManyRequestsException"),
        CLIENT_BLOCKED(429, "too-many-failures", "Too many failed authentications", "TooManyRequestsException");

        final int status;
        final String slug;
        final String title;
        final String lambdaCode;

        Refusal(int status, String slug, String title, String lambdaCode) {
            this.status = status;
            this.slug = slug;
            this.title = title;
            this.lambdaCode = lambdaCode;
        }
    }
}
