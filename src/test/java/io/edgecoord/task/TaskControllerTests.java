package io.edgecoord.task;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static io.edgecoord.task.TaskFixtures.deployment;
import static io.edgecoord.task.TaskFixtures.problem;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import io.edgecoord.web.PageResponse;

/** Reading and deleting tasks over HTTP, and deploy requests refused before the deployer sees them. */
@WebMvcTest(TaskController.class)
@AutoConfigureMockMvc(addFilters = false)
class TaskControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TaskRegistry registry;

    @MockitoBean
    TaskDeployer deployer;

    @Test
    void listsTasksInAStablePageShape() throws Exception {
        TaskResponse task = deployment(true).task();
        given(this.registry.list(PageRequest.of(1, 5, Sort.by("name"))))
            .willReturn(new PageResponse<>(List.of(task), 1, 5, 6, 2));
        this.mvc.perform(get("/api/v1/tasks").param("page", "1").param("size", "5"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items[0].name").value("hello"))
            .andExpect(jsonPath("$.items[0].version.codeSha256").value("a".repeat(64)))
            .andExpect(jsonPath("$.page").value(1))
            .andExpect(jsonPath("$.size").value(5))
            .andExpect(jsonPath("$.totalItems").value(6))
            .andExpect(jsonPath("$.totalPages").value(2));
    }

    @Test
    void refusesPageSizesOutOfRange() throws Exception {
        this.mvc.perform(get("/api/v1/tasks").param("size", "1000"))
            .andExpect(problem(400, "invalid-request"))
            .andExpect(jsonPath("$.errors[0].field").value("size"));
        this.mvc.perform(get("/api/v1/tasks").param("page", "-1")).andExpect(problem(400, "invalid-request"));
        this.mvc.perform(get("/api/v1/tasks").param("page", "first")).andExpect(problem(400, "invalid-request"));
    }

    @Test
    void showsATaskWithItsLatestVersion() throws Exception {
        given(this.registry.find("hello")).willReturn(deployment(true).task());
        this.mvc.perform(get("/api/v1/tasks/hello"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.latestVersion").value(1))
            .andExpect(jsonPath("$.createdAt").value("2025-06-01T12:00:00Z"))
            .andExpect(jsonPath("$.version.memoryMb").value(128))
            .andExpect(jsonPath("$.version.timeoutSeconds").value(30));
    }

    @Test
    void answersNotFoundForAnUnknownTask() throws Exception {
        given(this.registry.find("nope")).willThrow(new TaskNotFoundException("nope"));
        this.mvc.perform(get("/api/v1/tasks/nope"))
            .andExpect(problem(404, "task-not-found"))
            .andExpect(jsonPath("$.detail").value("No task is named 'nope'."));
    }

    @Test
    void listsVersionsNewestFirst() throws Exception {
        TaskVersionResponse v1 = deployment(true).task().version();
        TaskVersionResponse v2 = new TaskVersionResponse(2, "provided", null, 256, 30, v1.environment(),
                v1.secretEnvironment(), v1.codeSha256(), v1.codeSize(), v1.createdAt(), v1.execution(), v1.retries(),
                v1.permissions());
        given(this.registry.versions("hello")).willReturn(new TaskVersionsResponse("hello", List.of(v2, v1)));
        this.mvc.perform(get("/api/v1/tasks/hello/versions").param("page", "0").param("size", "1"))
            .andExpect(status().isOk())
            .andExpect(header().doesNotExist("Deprecation"))
            .andExpect(jsonPath("$.items[0].version").value(2))
            .andExpect(jsonPath("$.items.length()").value(1))
            .andExpect(jsonPath("$.totalItems").value(2))
            .andExpect(jsonPath("$.totalPages").value(2));
    }

    @Test
    void versionsAskedForAsBeforeKeepTheirOldShapeMarkedDeprecated() throws Exception {
        TaskVersionResponse v1 = deployment(true).task().version();
        given(this.registry.versions("hello")).willReturn(new TaskVersionsResponse("hello", List.of(v1)));
        this.mvc.perform(get("/api/v1/tasks/hello/versions"))
            .andExpect(status().isOk())
            .andExpect(header().string("Deprecation", "@1796515200"))
            .andExpect(header().string("Link", org.hamcrest.Matchers.containsString("rel=\"deprecation\"")))
            .andExpect(jsonPath("$.name").value("hello"))
            .andExpect(jsonPath("$.versions[0].version").value(1));
    }

    @Test
    void answersNotFoundForVersionsOfAnUnknownTask() throws Exception {
        given(this.registry.versions("nope")).willThrow(new TaskNotFoundException("nope"));
        this.mvc.perform(get("/api/v1/tasks/nope/versions")).andExpect(problem(404, "task-not-found"));
    }

    @Test
    void deletesATask() throws Exception {
        this.mvc.perform(delete("/api/v1/tasks/hello")).andExpect(status().isNoContent());
        then(this.registry).should().delete("hello");
    }

    @Test
    void answersNotFoundWhenDeletingAnUnknownTask() throws Exception {
        willThrow(new TaskNotFoundException("nope")).given(this.registry).delete("nope");
        this.mvc.perform(delete("/api/v1/tasks/nope")).andExpect(problem(404, "task-not-found"));
    }

    @Test
    void refusesMultipartWithoutTheCodePart() throws Exception {
        this.mvc.perform(multipart("/api/v1/tasks").file(new MockMultipartFile("task", "", "application/json",
                "{\"name\":\"hello\",\"runtime\":\"provided\"}".getBytes())))
            .andExpect(problem(400, "invalid-request"));
    }

    @Test
    void refusesUnreadableJsonWithoutLeakingInternals() throws Exception {
        this.mvc.perform(post("/api/v1/tasks").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"hello\", \"memoryMb\": \"lots\""))
            .andExpect(problem(400, "invalid-request"))
            .andExpect(jsonPath("$.detail").value("The request body is not readable JSON of the expected shape."))
            .andExpect(jsonPath("$.trace").doesNotExist());
        then(this.deployer).shouldHaveNoInteractions();
    }

    @Test
    void refusesUnknownFieldsInADeployRequestNamingThem() throws Exception {
        this.mvc.perform(post("/api/v1/tasks").contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"hello","runtime":"provided","memorySize":512,"execution":{"isolation":"none"},
                 "timeOutSeconds":5,"code":{"inline":"x"}}"""))
            .andExpect(problem(400, "invalid-request"))
            .andExpect(jsonPath("$.detail").value("The request body has unknown fields: memorySize, timeOutSeconds."))
            .andExpect(jsonPath("$.errors[1].message").value("unknown field; did you mean timeoutSeconds?"))
            .andExpect(jsonPath("$.knownFields").value(hasItems("memoryMb", "timeoutSeconds", "execution")));
        this.mvc.perform(post("/api/v1/tasks").contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"hello","runtime":"provided","execution":{"isolation":"none","pin":true}}"""))
            .andExpect(problem(400, "invalid-request"))
            .andExpect(jsonPath("$.errors[0].field").value("execution.pin"));
        then(this.deployer).shouldHaveNoInteractions();
    }

    @Test
    void refusesUnknownFieldsInTheTaskPartOfAMultipartDeploy() throws Exception {
        this.mvc.perform(multipart("/api/v1/tasks")
                .file(new MockMultipartFile("task", "", "application/json",
                        "{\"name\":\"hello\",\"runtime\":\"provided\",\"memorySize\":512}".getBytes()))
                .file(new MockMultipartFile("code", "code.zip", "application/zip", new byte[] {1})))
            .andExpect(problem(400, "invalid-request"))
            .andExpect(jsonPath("$.errors[0].field").value("memorySize"));
        then(this.deployer).shouldHaveNoInteractions();
    }
}
