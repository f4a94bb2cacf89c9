package io.edgecoord.dashboard;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures: the last hour of samples of the coordinator's meters. */
@Tag(name = "metrics", description = "The dashboard's live figures")
@RestController
class MetricsController {

    private final MetricsHistory history;
    private final DashboardProperties properties;

    MetricsController(MetricsHistory history, DashboardProperties properties) {
        this.history = history;
        this.properties = properties;
    }

    @Operation(operationId = "getMetricsHistory", summary = "Read the last hour of samples, oldest first",
            description = "One sample per `intervalSeconds`: invocations/s, error rate, p50/p99 (upper bounds of "
                    + "the duration histogram's buckets), cold starts, queue depth, running calls, budget used.")
    @GetMapping("/api/v1/metrics")
    MetricsResponse get() {
        return new MetricsResponse(properties.sampleInterval().toSeconds(), history.samples());
    }

    /**
     * The history.
     *
     * @param intervalSeconds seconds between samples
     * @param samples oldest first
     */
    record MetricsResponse(long intervalSeconds, List<MetricsSample> samples) {
    }
}
