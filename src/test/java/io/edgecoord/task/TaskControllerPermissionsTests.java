package io.edgecoord.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.edgecoord.storage.DiskSpace;

import static io.edgecoord.task.TaskFixtures.deployment;
import static io.edgecoord.task.TaskFixtures.problem;
import static io.edgecoord.task.TaskFixtures.provided;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Deploying with permissions and secret variables: what reaches the registry, and what is refused. */
@WebMvcTest(TaskController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ TaskConfiguration.class, TaskDeployer.class })
class TaskControllerPermissionsTests {

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
    void passesThePermissionsToTheRegistry() throws Exception {
        given(this.registry.record(any(), any(), anyString(), anyLong())).willReturn(deployment(true));
        deployJson(provided("""
                "permissions": {"shadows": {"read": ["thermo-*"], "write": ["thermo-1"]}, "invoke": ["report-*"],
                                "publish": ["alerts/#"], "subscribe": ["devices/+/readings/#"]}"""))
            .andExpect(status().isCreated());
        TaskPermissions expected = new TaskPermissions(List.of("thermo-*"), List.of("thermo-1"), List.of("report-*"),
                List.of("alerts/#"), List.of("devices/+/readings/#"));
        then(this.registry).should()
            .record(argThat((settings) -> settings.permissions().equals(expected)),
                    eq(SecretEnvironment.NONE), anyString(), anyLong());
    }

    @Test
    void passesTheSecretVariablesApartFromTheSettings() throws Exception {
        given(this.registry.record(any(), any(), anyString(), anyLong())).willReturn(deployment(true));
        deployJson(provided("\"environment\":{\"MODE\":\"test\"},\"secretEnvironment\":{\"DB_PASSWORD\":\"hunter2\"}"))
            .andExpect(status().isCreated());
        then(this.registry).should()
            .record(argThat((settings) -> settings.environment().equals(
                    Map.of("MODE", "test"))), eq(new SecretEnvironment(Map.of("DB_PASSWORD", "hunter2"))), anyString(),
                    anyLong());
    }

    @Test
    void refusesUnknownKeysInsidePermissionsNamingThem() throws Exception {
        deployJson(provided("\"permissions\":{\"shadow\":{\"read\":[\"*\"]},\"invoke\":[\"*\"]}"))
            .andExpect(problem(400, "invalid-task"))
            .andExpect(jsonPath("$.detail").value(containsString("permissions has unknown key shadow")))
            .andExpect(jsonPath("$.unknownKeys[0]").value("shadow"));
        deployJson(provided("\"permissions\":{\"shadows\":{\"reed\":[\"*\"]}}"))
            .andExpect(problem(400, "invalid-task"))
            .andExpect(jsonPath("$.unknownKeys[0]").value("reed"));
    }

    @Test
    void refusesABadPatternNamingTheEntry() throws Exception {
        deployJson(provided("\"permissions\":{\"invoke\":[\"ok\",\"no way\"]}"))
            .andExpect(problem(400, "invalid-task"))
            .andExpect(jsonPath("$.detail").value(containsString("permissions.invoke[1] 'no way'")));
        deployJson(provided("\"permissions\":{\"subscribe\":[\"a/#/b\"]}"))
            .andExpect(problem(400, "invalid-task"))
            .andExpect(jsonPath("$.detail").value(containsString("'#' must be a whole level")));
    }

    @Test
    void refusesASecretThatClashesWithoutEchoingItsValue() throws Exception {
        String response = deployJson(provided(
                "\"environment\":{\"DB_PASSWORD\":\"x\"},\"secretEnvironment\":{\"DB_PASSWORD\":\"hunter2\"}"))
            .andExpect(problem(400, "invalid-task"))
            .andExpect(content().string(not(containsString("hunter2"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(response).contains("DB_PASSWORD");
    }

    @Test
    void aSecretValueOfTheWrongShapeIsRefusedWithoutEchoingIt() throws Exception {
        deployJson(provided("\"secretEnvironment\":{\"DB_PASSWORD\":{\"hunter2\":1}}"))
            .andExpect(problem(400, "invalid-request"))
            .andExpect(content().string(not(containsString("hunter2"))));
    }

    private ResultActions deployJson(String json) throws Exception {
        return this.mvc.perform(post("/api/v1/tasks").contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
