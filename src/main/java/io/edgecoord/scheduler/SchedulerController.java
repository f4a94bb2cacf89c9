package io.edgecoord.scheduler;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows the scheduler's queues, what runs, its limits and the pool it fills. */
@Tag(name = "scheduler", description = "The scheduler's queues, running calls and limits")
@RestController
class SchedulerController {

    private final Scheduler scheduler;

    SchedulerController(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Operation(operationId = "getScheduler", summary = "Read the scheduler's queues, what runs, its limits and its pool")
    @GetMapping("/api/v1/scheduler")
    SchedulerSnapshot get() {
        return scheduler.snapshot();
    }
}
