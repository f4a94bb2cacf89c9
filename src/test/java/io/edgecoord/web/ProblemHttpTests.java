package io.edgecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestDataDir;

/**
 * Over real HTTP, what Spring MVC's handlers never see is a problem too: the servlet container's
 * error page, and multipart bodies the container cannot parse. The process backend keeps Docker
 * out of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "edgecoord.execution.backend=process")
class ProblemHttpTests {

    private static final String PROBLEMS = "https://edgecoord.io/problems/";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        TestDataDir.register(registry);
    }

    @Test
    void rendersAnErrorAFilterSentAsAProblemNamedAfterItsStatus() {
        HttpResponse<String> refused = client().get("/probe/forbidden");

        JsonNode problem = problem(refused, 403, "forbidden");
        assertThat(problem.path("detail").asString()).isEqualTo("The request to /probe/forbidden was refused "
                + "(403 Forbidden).");
        assertThat(problem.path("instance").asString()).isEqualTo("/probe/forbidden");
        assertThat(refused.body()).doesNotContain("a filter's own words");
    }

    @Test
    void rendersAFilterThatFailedAsAnInternalErrorThatRevealsNothing() {
        HttpResponse<String> failed = client().get("/probe/broken");

        problem(failed, 500, "internal-error");
        assertThat(failed.body()).doesNotContain("secret", "IllegalStateException", "trace");
    }

    @Test
    void answersTheErrorPageAskedForDirectlyAsNotFound() {
        problem(client().get("/error"), 404, "not-found");
    }

    @Test
    void answersAnUnknownRouteAndAWrongMethodWithStableTypes() {
        problem(client().get("/api/v1/nothing-here"), 404, "not-found");
        HttpResponse<String> wrongMethod = client().delete("/api/v1/tasks");
        problem(wrongMethod, 405, "method-not-allowed");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(allow ->
                assertThat(allow).contains("GET", "POST"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no boundary      | multipart/form-data             | --x\\r\\nContent-Disposition: form-data; name=\"task\"\\r\\n\\r\\n{}\\r\\n--x--\\r\\n",
            "a wrong boundary | multipart/form-data; boundary=y | --x\\r\\nContent-Disposition: form-data; name=\"task\"\\r\\n\\r\\n{}\\r\\n--x--\\r\\n",
            "cut short        | multipart/form-data; boundary=x | --x\\r\\nContent-Disposition: form-data; name=\"task\"\\r\\n\\r\\n{\"name\":",
            "garbage          | multipart/form-data; boundary=x | @@@ not multipart at all @@@",
            "an empty body    | multipart/form-data; boundary=x | ''"})
    void answersAMalformedMultipartBodyWithInvalidRequest(String what, String contentType, String body) {
        HttpResponse<String> answer = client().post("/api/v1/tasks", contentType, body.replace("\\r\\n", "\r\n"));

        JsonNode problem = problem(answer, 400, "invalid-request");
        assertThat(problem.path("detail").asString()).as(what).contains("multipart body is malformed");
    }

    @Test
    void refusesAnUnknownFieldInADeployNamingIt() {
        HttpResponse<String> refused = client().postJson("/api/v1/tasks", """
                {"name":"strict","runtime":"python3.11","handler":"m.f","memorySize":512,"timeOutSeconds":5,
                 "code":{"inline":"def f(e, c):\\n  return 1\\n"}}""");

        JsonNode problem = problem(refused, 400, "invalid-request");
        assertThat(problem.path("detail").asString()).contains("memorySize", "timeOutSeconds");
        assertThat(client().get("/api/v1/tasks/strict").statusCode()).isEqualTo(404);
    }

    private CoordinatorClient client() {
        return new CoordinatorClient(port);
    }

    private JsonNode problem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = client().json(response);
        assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        return problem;
    }

    /** A filter in front of Spring MVC that refuses or fails, as a security filter might. */
    @TestConfiguration
    static class Probes {

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> probeFilter() {
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                    new OncePerRequestFilter() {
                        @Override
                        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                FilterChain chain) throws IOException {
                            if (request.getRequestURI().endsWith("/forbidden")) {
                                response.sendError(403, "a filter's own words");
                                return;
                            }
                            throw new IllegalStateException("secret filter state");
                        }
                    });
            registration.addUrlPatterns("/probe/*");
            return registration;
        }
    }
}
