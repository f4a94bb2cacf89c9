package io.edgecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

class ProblemErrorControllerTests {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void aFilterThatCouldNotReachTheDatabaseAnswers503DatabaseUnavailableWithRetryAfter() {
        ResponseEntity<?> answer = controller.error(failedOn("/api/v1/tasks"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(((ProblemDetail) answer.getBody()).getType()).isEqualTo(DatabaseUnavailable.TYPE);
    }

    @Test
    void onTheLambdaApiItIsLambdasShapeSoThatAwsClientsReadIt() {
        ResponseEntity<?> answer = controller.error(failedOn("/2015-03-31/functions/f/invocations"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getHeaders().getFirst(LambdaPaths.ERROR_TYPE)).isEqualTo(LambdaPaths.errorType(503));
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(((Map<?, ?>) answer.getBody()).get("message").toString()).contains("database");
    }

    private static MockHttpServletRequest failedOn(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("edgecoord - Connection is not available")));
        return request;
    }
}
