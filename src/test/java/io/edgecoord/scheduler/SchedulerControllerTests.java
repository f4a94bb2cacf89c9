package io.edgecoord.scheduler;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.edgecoord.execution.PoolSnapshot;

@WebMvcTest(SchedulerController.class)
class SchedulerControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Scheduler scheduler;

    @Test
    void showsQueuesRunningCallsLimitsAndThePool() throws Exception {
        given(scheduler.snapshot()).willReturn(new SchedulerSnapshot(3, Map.of("hello", 3), 8, 8, 0, 1000,
                new PoolSnapshot(9, 1, 8, 1152)));

        mvc.perform(get("/api/v1/scheduler"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.queued").value(3))
                .andExpect(jsonPath("$.queuedByTask.hello").value(3))
                .andExpect(jsonPath("$.running").value(8))
                .andExpect(jsonPath("$.maxConcurrent").value(8))
                .andExpect(jsonPath("$.free").value(0))
                .andExpect(jsonPath("$.maxQueueLength").value(1000))
                .andExpect(jsonPath("$.environments.live").value(9))
                .andExpect(jsonPath("$.environments.idle").value(1))
                .andExpect(jsonPath("$.environments.busy").value(8))
                .andExpect(jsonPath("$.environments.reservedMemoryMb").value(1152));
    }
}
