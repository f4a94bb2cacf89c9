package io.edgecoord.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds edgecoord problems, whose types all live under {@value #BASE}. */
public final class Problems {

    public static final String BASE = "https://edgecoord.io/problems/";

    static final URI INVALID_REQUEST = type("invalid-request");

    static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");

    static final URI INTERNAL_ERROR = type("internal-error");

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /**
     * The type of a problem that has none of its own, named after its status: 400
     * {@code invalid-request}, 413 {@code payload-too-large}, 500 {@code internal-error}, and
     * otherwise the status's reason phrase ({@code not-found}, {@code method-not-allowed},
     * {@code not-acceptable}, {@code unsupported-media-type}, {@code forbidden}, ...).
     */
    static URI forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> INVALID_REQUEST;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 500 -> INTERNAL_ERROR;
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                if (known == null) {
                    yield status.is5xxServerError() ? INTERNAL_ERROR : INVALID_REQUEST;
                }
                yield type(known.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        };
    }

    public static ProblemDetail of(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
