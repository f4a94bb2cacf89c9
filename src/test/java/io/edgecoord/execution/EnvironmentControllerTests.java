package io.edgecoord.execution;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(EnvironmentController.class)
@AutoConfigureMockMvc(addFilters = false)
class EnvironmentControllerTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private static final EnvironmentSnapshot IDLE = new EnvironmentSnapshot("e1", "hello", 2, "python3.11", "IDLE",
            T0, 5_000, T0.plusSeconds(4), 128, "c0ffee", false, false, "CONTAINER");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PoolQueries pool;

    @MockitoBean
    PoolKeeper keeper;

    @Test
    void listsEveryEnvironmentWithItsTaskStateAndMemory() throws Exception {
        given(pool.environments()).willReturn(List.of(IDLE));

        mvc.perform(get("/api/v1/environments"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("e1"))
                .andExpect(jsonPath("$.items[0].task").value("hello"))
                .andExpect(jsonPath("$.items[0].version").value(2))
                .andExpect(jsonPath("$.items[0].runtime").value("python3.11"))
                .andExpect(jsonPath("$.items[0].state").value("IDLE"))
                .andExpect(jsonPath("$.items[0].createdAt").value("2026-11-27T12:00:00Z"))
                .andExpect(jsonPath("$.items[0].ageMs").value(5000))
                .andExpect(jsonPath("$.items[0].lastUsedAt").value("2026-11-27T12:00:04Z"))
                .andExpect(jsonPath("$.items[0].memoryMb").value(128))
                .andExpect(jsonPath("$.items[0].backendId").value("c0ffee"));
    }

    @Test
    void readsOneEnvironment() throws Exception {
        given(pool.describe("e1")).willReturn(IDLE);

        mvc.perform(get("/api/v1/environments/e1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("IDLE"));
    }

    @Test
    void anUnknownEnvironmentIsANotFoundProblem() throws Exception {
        given(pool.describe("nope")).willThrow(new EnvironmentNotFoundException("nope"));

        mvc.perform(get("/api/v1/environments/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/environment-not-found"))
                .andExpect(jsonPath("$.environmentId").value("nope"));
    }

    @Test
    void drainingAnIdleEnvironmentAnswersNoContent() throws Exception {
        given(keeper.drain("e1")).willReturn(EnvironmentLife.Drain.REMOVED_NOW);

        mvc.perform(delete("/api/v1/environments/e1")).andExpect(status().isNoContent());
    }

    @Test
    void drainingABusyEnvironmentAnswersAccepted() throws Exception {
        given(keeper.drain("e1")).willReturn(EnvironmentLife.Drain.AFTER_INVOCATION);

        mvc.perform(delete("/api/v1/environments/e1")).andExpect(status().isAccepted());
    }

    @Test
    void drainingAnUnknownEnvironmentIsANotFoundProblem() throws Exception {
        given(keeper.drain("nope")).willThrow(new EnvironmentNotFoundException("nope"));

        mvc.perform(delete("/api/v1/environments/nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/environment-not-found"));
    }
}
