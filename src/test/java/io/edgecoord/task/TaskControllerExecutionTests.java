package io.edgecoord.task;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.edgecoord.storage.DiskSpace;
import io.edgecoord.task.TaskExecution.Isolation;

import static io.edgecoord.task.TaskFixtures.deployment;
import static io.edgecoord.task.TaskFixtures.problem;
import static io.edgecoord.task.TaskFixtures.provided;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Deploying with execution and retry settings: what reaches the registry, and what is refused. */
@WebMvcTest(TaskController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ TaskConfiguration.class, TaskDeployer.class })
class TaskControllerExecutionTests {

    @TempDir
    static Path dataDirectory;

    @Autowired
    MockMvc mvc;

    /** Room on the disk: its mock never refuses. */
    @MockitoBean
    DiskSpace disk;

    @MockitoBean
    TaskRegistry registry;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("edgecoord.data-dir", () -> dataDirectory.toString());
    }

    @Test
    void passesEveryExecutionAndRetrySettingToTheRegistry() throws Exception {
        given(this.registry.record(any(), any(), anyString(), anyLong())).willReturn(deployment(true));
        deployJson("""
                {"name":"hello","runtime":"python3.11","handler":"app.handler","code":{"inline":"x = 1"},
                 "execution":{"isolation":"none","cpus":0.5,"minWarm":1,"maxEnvironments":4,"keepAliveSeconds":600,
                              "pinned":false,"priority":7,"weight":3,"maxQueueLength":100},
                 "retries":{"maxRetries":0,"maxEventAgeSeconds":3600}}""")
            .andExpect(status().isCreated());
        TaskExecution expected = new TaskExecution(Isolation.NONE, 0.5, 1, 4, Duration.ofMinutes(10), false, 7, 3,
                100, 0, Duration.ofHours(1));
        then(this.registry).should().record(argThat((settings) -> settings.execution().equals(expected)), any(),
                anyString(), anyLong());
    }

    @Test
    void takesTheSettingsFromTheTaskPartOfAMultipartDeploy() throws Exception {
        given(this.registry.record(any(), any(), anyString(), anyLong())).willReturn(deployment(true));
        byte[] zip = Zips.zip().executable("bootstrap", "#!/bin/sh").bytes();
        this.mvc.perform(multipart("/api/v1/tasks")
                .file(new MockMultipartFile("task", "", MediaType.APPLICATION_JSON_VALUE, """
                        {"name":"hello","runtime":"provided","execution":{"pinned":true}}""".getBytes()))
                .file(new MockMultipartFile("code", "code.zip", "application/zip", zip)))
            .andExpect(status().isCreated());
        then(this.registry).should().record(argThat((settings) -> settings.execution().pinned()), any(), anyString(),
                anyLong());
    }

    @Test
    void refusesASettingOutOfRangeNamingItAndItsRange() throws Exception {
        deployJson(provided("\"execution\":{\"cpus\":100}"))
            .andExpect(problem(400, "invalid-task"))
            .andExpect(jsonPath("$.detail").value(containsString("execution.cpus must be between 0.05 and 64")));
        deployJson(provided("\"retries\":{\"maxRetries\":3}"))
            .andExpect(problem(400, "invalid-task"))
            .andExpect(jsonPath("$.detail").value(containsString("retries.maxRetries")));
        deployJson(provided("\"execution\":{\"pinned\":true,\"maxEnvironments\":2}"))
            .andExpect(problem(400, "invalid-task"))
            .andExpect(jsonPath("$.detail").value(containsString("pinned")));
    }

    @Test
    void refusesAnUnknownIsolation() throws Exception {
        deployJson(provided("\"execution\":{\"isolation\":\"vm\"}"))
            .andExpect(problem(400, "invalid-task"))
            .andExpect(jsonPath("$.detail").value(containsString("'container'")));
    }

    @Test
    void refusesJavaWithoutAContainerSayingWhy() throws Exception {
        deployJson("""
                {"name":"hello","runtime":"java17","handler":"example.Hello","code":{"zipBase64":"UEsFBgAAAA=="},
                 "execution":{"isolation":"none"}}""")
            .andExpect(problem(400, "invalid-task"))
            .andExpect(jsonPath("$.detail").value(containsString("only python3.11 and provided")));
    }

    @Test
    void refusesASettingOfTheWrongType() throws Exception {
        deployJson(provided("\"execution\":{\"minWarm\":\"lots\"}")).andExpect(problem(400, "invalid-request"));
    }

    private ResultActions deployJson(String json) throws Exception {
        return this.mvc.perform(post("/api/v1/tasks").contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
