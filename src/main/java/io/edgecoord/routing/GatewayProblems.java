package io.edgecoord.routing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.edgecoord.web.Problems;

/** The problems the in-task API answers with, each with its stable {@code type}. */
final class GatewayProblems {

    private GatewayProblems() {
    }

    static ProblemDetail detail(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(Problems.type(slug));
        return problem;
    }

    static ErrorResponseException exception(HttpStatus status, String slug, String detail) {
        return new ErrorResponseException(status, detail(status, slug, detail), null);
    }
}
