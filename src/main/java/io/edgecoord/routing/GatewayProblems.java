package io.edgecoord.routing;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problems the in-task API answers with, each with its stable {@code type}. */
final class GatewayProblems {

    private GatewayProblems() {
    }

    static ProblemDetail detail(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://edgecoord.io/problems/" + slug));
        return problem;
    }

    static ErrorResponseException exception(HttpStatus status, String slug, String detail) {
        return new ErrorResponseException(status, detail(status, slug, detail), null);
    }
}
