package io.edgecoord.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponseException;

/**
 * Recognises failures that a malformed request causes while it is read, after dispatch began, and
 * that carry no status of their own: a header or parameter that the security firewall rejects
 * only when someone reads it, a query string the servlet container cannot decode, a
 * {@code Content-Type} with a wildcard (Spring refuses to parse one). Each is the client's 400 or
 * 415, not the server's 500; the problem handler and the Lambda APIs' error translators use this.
 */
public final class MalformedRequests {

    private MalformedRequests() {
    }

    /** The client's error that {@code failure} stands for, when a malformed request caused it. */
    public static Optional<ErrorResponseException> of(Throwable failure, HttpServletRequest request) {
        if (failure instanceof RequestRejectedException) {
            return Optional.of(error(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                    "The request has a header or parameter, or a name of one, that is not allowed."));
        }
        // Tomcat's InvalidParameterException: the query or form body cannot be decoded into parameters.
        if (failure instanceof IllegalStateException && failure.getClass().getName()
            .equals("org.apache.tomcat.util.http.InvalidParameterException")) {
            return Optional.of(error(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                    "The request's parameters cannot be decoded (a malformed percent-encoding or an empty name)."));
        }
        if (failure instanceof IllegalArgumentException && request != null && unusableContentType(request)) {
            return Optional.of(error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
                    "The request's Content-Type '" + request.getContentType() + "' is not one media type."));
        }
        return Optional.empty();
    }

    private static boolean unusableContentType(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        }
        catch (InvalidMediaTypeException unparsable) {
            return true;
        }
    }

    private static ErrorResponseException error(HttpStatus status, java.net.URI type, String detail) {
        ErrorResponseException error = new ErrorResponseException(status);
        error.getBody().setType(type);
        error.getBody().setTitle(status.getReasonPhrase());
        error.getBody().setDetail(detail);
        return error;
    }
}
