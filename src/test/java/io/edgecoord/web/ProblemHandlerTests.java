package io.edgecoord.web;

import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ProblemHandlerTests.ProbeController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ProblemHandlerTests.ProbeController.class)
class ProblemHandlerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void rendersAnErrorResponseWithItsOwnType() throws Exception {
        this.mvc.perform(get("/probe/teapot"))
            .andExpect(problem(418, "https://edgecoord.io/problems/teapot"))
            .andExpect(jsonPath("$.detail").value("Short and stout."));
    }

    @Test
    void listsBeanValidationErrors() throws Exception {
        this.mvc.perform(post("/probe/body").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
            .andExpect(problem(400, "https://edgecoord.io/problems/invalid-request"))
            .andExpect(jsonPath("$.errors[0].field").value("name"))
            .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
    }

    @Test
    void answersUnreadableJsonShortlyWithoutInternals() throws Exception {
        this.mvc.perform(post("/probe/body").contentType(MediaType.APPLICATION_JSON).content("{\"name\": [1,"))
            .andExpect(problem(400, "https://edgecoord.io/problems/invalid-request"))
            .andExpect(content().string(not(containsString("jackson"))))
            .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void mapsOversizedUploadsToPayloadTooLarge() throws Exception {
        this.mvc.perform(get("/probe/upload"))
            .andExpect(problem(413, "https://edgecoord.io/problems/payload-too-large"))
            .andExpect(jsonPath("$.detail").value("The upload is larger than the limit of 1024 bytes."));
    }

    @Test
    void hidesUnexpectedFailuresBehindAGenericInternalError() throws Exception {
        this.mvc.perform(get("/probe/boom"))
            .andExpect(problem(500, "https://edgecoord.io/problems/internal-error"))
            .andExpect(content().string(not(containsString("secret"))))
            .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void answersADatabaseThatCannotBeReachedAs503WithRetryAfter() throws Exception {
        this.mvc.perform(get("/probe/database-gone"))
            .andExpect(problem(503, "https://edgecoord.io/problems/database-unavailable"))
            .andExpect(header().string("Retry-After", "5"))
            .andExpect(content().string(not(containsString("secret"))));
    }

    @Test
    void givesFrameworkBadRequestsTheInvalidRequestType() throws Exception {
        this.mvc.perform(post("/probe/body").contentType(MediaType.APPLICATION_JSON))
            .andExpect(problem(400, "https://edgecoord.io/problems/invalid-request"));
    }

    @Test
    void refusesUnknownFieldsNamingEveryOneAndTheKnownOnes() throws Exception {
        this.mvc.perform(post("/probe/body").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"memorySize\":512,\"timeOutSeconds\":5}"))
            .andExpect(problem(400, "https://edgecoord.io/problems/invalid-request"))
            .andExpect(jsonPath("$.detail").value("The request body has unknown fields: memorySize, timeOutSeconds."))
            .andExpect(jsonPath("$.errors[0].field").value("memorySize"))
            .andExpect(jsonPath("$.errors[0].message").value("unknown field"))
            .andExpect(jsonPath("$.errors[1].field").value("timeOutSeconds"))
            .andExpect(jsonPath("$.errors[1].message").value("unknown field; did you mean timeoutSeconds?"))
            .andExpect(jsonPath("$.knownFields").value(contains("items", "name", "nested", "timeoutSeconds")));
    }

    @Test
    void namesAnUnknownFieldByItsPathFromTheRoot() throws Exception {
        this.mvc.perform(post("/probe/body").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"nested\":{\"mode\":\"a\",\"modes\":\"b\"}}"))
            .andExpect(problem(400, "https://edgecoord.io/problems/invalid-request"))
            .andExpect(jsonPath("$.errors[0].field").value("nested.modes"))
            .andExpect(jsonPath("$.knownFields").value(contains("mode")));
        this.mvc.perform(post("/probe/body").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"items\":[{\"mode\":\"a\"},{\"mood\":\"b\"}]}"))
            .andExpect(problem(400, "https://edgecoord.io/problems/invalid-request"))
            .andExpect(jsonPath("$.errors[0].field").value("items[1].mood"));
    }

    @Test
    void acceptsAnyFieldsInABodyReadAsATree() throws Exception {
        this.mvc.perform(post("/probe/tree").contentType(MediaType.APPLICATION_JSON).content("{\"anything\":1}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.anything").value(1));
    }

    @Test
    void leavesTheApplicationsOwnMapperLenient() {
        Body read = this.json.readValue("{\"name\":\"x\",\"later\":true}", Body.class);

        assertThat(read.name()).isEqualTo("x");
    }

    @Test
    void answersAnUnknownRouteWithANotFoundProblem() throws Exception {
        this.mvc.perform(get("/api/v1/nothing-here"))
            .andExpect(problem(404, "https://edgecoord.io/problems/not-found"))
            .andExpect(jsonPath("$.detail").value("No endpoint answers GET /api/v1/nothing-here."));
    }

    @Test
    void answersAWrongMethodWithAMethodNotAllowedProblemAndTheAllowedOnes() throws Exception {
        this.mvc.perform(delete("/probe/body"))
            .andExpect(problem(405, "https://edgecoord.io/problems/method-not-allowed"))
            .andExpect(header().string("Allow", "POST"));
    }

    @Test
    void answersAnUnsupportedBodyTypeWithAnUnsupportedMediaTypeProblem() throws Exception {
        this.mvc.perform(post("/probe/body").contentType(MediaType.TEXT_PLAIN).content("name=x"))
            .andExpect(problem(415, "https://edgecoord.io/problems/unsupported-media-type"));
    }

    @Test
    void answersAnUnacceptableResponseTypeWithANotAcceptableProblem() throws Exception {
        this.mvc.perform(get("/probe/json").accept(MediaType.valueOf("text/csv")))
            .andExpect(status().is(406))
            .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/not-acceptable"));
    }

    @Test
    void answersAMalformedMultipartBodyWithInvalidRequest() throws Exception {
        this.mvc.perform(get("/probe/multipart"))
            .andExpect(problem(400, "https://edgecoord.io/problems/invalid-request"))
            .andExpect(jsonPath("$.detail").value(containsString("multipart body is malformed")))
            .andExpect(content().string(not(containsString("secret"))));
    }

    private static ResultMatcher problem(int status, String type) {
        ResultMatcher[] matchers = { status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value(type), jsonPath("$.title").isNotEmpty(),
                jsonPath("$.detail").isNotEmpty(), jsonPath("$.trace").doesNotExist() };
        return (result) -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }

    record Body(@NotBlank String name, Integer timeoutSeconds, Nested nested, List<Nested> items) {
    }

    record Nested(String mode) {
    }

    @RestController
    static class ProbeController {

        @GetMapping("/probe/teapot")
        void teapot() {
            ErrorResponseException ex = new ErrorResponseException(HttpStatus.I_AM_A_TEAPOT);
            ex.setType(URI.create("https://edgecoord.io/problems/teapot"));
            ex.setTitle("Teapot");
            ex.setDetail("Short and stout.");
            throw ex;
        }

        @PostMapping("/probe/body")
        Body body(@Valid @RequestBody Body body) {
            return body;
        }

        @GetMapping("/probe/upload")
        void upload() {
            throw new MaxUploadSizeExceededException(1024);
        }

        @PostMapping("/probe/tree")
        JsonNode tree(@RequestBody JsonNode body) {
            return body;
        }

        @GetMapping(path = "/probe/json", produces = MediaType.APPLICATION_JSON_VALUE)
        Nested json() {
            return new Nested("a");
        }

        @GetMapping("/probe/multipart")
        void multipart() {
            throw new MultipartException("Failed to parse multipart servlet request",
                    new IllegalStateException("secret parser state"));
        }

        @GetMapping("/probe/database-gone")
        void databaseGone() {
            throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                    new SQLTransientConnectionException("secret pool - Connection is not available"));
        }

        @GetMapping("/probe/boom")
        void boom() {
            throw new IllegalStateException("secret internal detail");
        }
    }
}
