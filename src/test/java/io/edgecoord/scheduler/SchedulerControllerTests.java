package io.edgecoord.scheduler;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.edgecoord.execution.BudgetSnapshot;
import io.edgecoord.execution.PoolSnapshot;

@WebMvcTest(SchedulerController.class)
@AutoConfigureMockMvc(addFilters = false)
class SchedulerControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Scheduler scheduler;

    @Test
    void showsQueuesRunningCallsLimitsAndThePool() throws Exception {
        given(scheduler.snapshot()).willReturn(new SchedulerSnapshot(3, Map.of("hello", 3), 8, Map.of("hello", 8), 8, 0,
                1000, 250, new BudgetSnapshot(4096, 1152, 2944, 2.0, 2.0, 0.0, 16), new PoolSnapshot(9, 1, 8, 1152)));

        mvc.perform(get("/api/v1/scheduler"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.queued").value(3))
                .andExpect(jsonPath("$.queuedByTask.hello").value(3))
                .andExpect(jsonPath("$.running").value(8))
                .andExpect(jsonPath("$.maxConcurrent").value(8))
                .andExpect(jsonPath("$.free").value(0))
                .andExpect(jsonPath("$.maxQueueLength").value(1000))
                .andExpect(jsonPath("$.maxQueueLengthPerTask").value(250))
                .andExpect(jsonPath("$.runningByTask.hello").value(8))
                .andExpect(jsonPath("$.budget.memoryMb").value(4096))
                .andExpect(jsonPath("$.budget.memoryUsedMb").value(1152))
                .andExpect(jsonPath("$.budget.memoryFreeMb").value(2944))
                .andExpect(jsonPath("$.budget.cpusFree").value(0.0))
                .andExpect(jsonPath("$.environments.live").value(9))
                .andExpect(jsonPath("$.environments.idle").value(1))
                .andExpect(jsonPath("$.environments.busy").value(8))
                .andExpect(jsonPath("$.environments.reservedMemoryMb").value(1152));
    }
}
