package io.edgecoord.scheduler;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows the scheduler's queues, what runs, its limits and the pool it fills. */
@RestController
class SchedulerController {

    private final Scheduler scheduler;

    SchedulerController(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @GetMapping("/api/v1/scheduler")
    SchedulerSnapshot get() {
        return scheduler.snapshot();
    }
}
