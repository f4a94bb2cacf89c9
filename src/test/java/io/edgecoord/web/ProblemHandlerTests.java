package io.edgecoord.web;

import java.net.URI;

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
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ProblemHandlerTests.ProbeController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ProblemHandlerTests.ProbeController.class)
class ProblemHandlerTests {

    @Autowired
    MockMvc mvc;

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
    void givesFrameworkBadRequestsTheInvalidRequestType() throws Exception {
        this.mvc.perform(post("/probe/body").contentType(MediaType.APPLICATION_JSON))
            .andExpect(problem(400, "https://edgecoord.io/problems/invalid-request"));
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

    record Body(@NotBlank String name) {
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

        @GetMapping("/probe/boom")
        void boom() {
            throw new IllegalStateException("secret internal detail");
        }
    }
}
