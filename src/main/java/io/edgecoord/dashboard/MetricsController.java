package io.edgecoord.dashboard;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.edgecoord.web.EventStream;
import io.edgecoord.web.EventStreams;

/** The dashboard's figures: the last hour of samples of the coordinator's meters, read once or followed. */
@Tag(name = "metrics", description = "The dashboard's live figures")
@RestController
class MetricsController {

    private final MetricsHistory history;
    private final DashboardProperties properties;
    private final EventStreams streams;

    MetricsController(MetricsHistory history, DashboardProperties properties, EventStreams streams) {
        this.history = history;
        this.properties = properties;
        this.streams = streams;
    }

    @Operation(operationId = "getMetricsHistory", summary = "Read the last hour of samples, oldest first",
            description = "One sample per `intervalSeconds`: invocations/s, error rate, p50/p99 (upper bounds of "
                    + "the duration histogram's buckets), cold starts, queue depth, running calls, budget used. With "
                    + "`follow=true`, server-sent events instead: one `history` event with this body, then a "
                    + "`sample` event with each new sample.")
    @ApiResponse(responseCode = "200", description = "The samples; with `follow=true`, the event stream",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = MetricsResponse.class)),
                @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")) })
    @GetMapping(path = "/api/v1/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    MetricsResponse get(@Parameter(description = "Stream the samples as they come (server-sent events)")
            @RequestParam(defaultValue = "false") boolean follow) {
        // follow=true is answered by follow(); the parameter is here so that the document names it.
        return current();
    }

    @Operation(hidden = true) // documented with getMetricsHistory: the same path, follow=true
    @GetMapping(path = "/api/v1/metrics", params = "follow=true", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter follow() {
        EventStream stream = streams.open();
        stream.send("history", current());
        Runnable stop = history.listen(sample -> {
            if (!stream.send("sample", sample)) {
                stream.close();
            }
        });
        stream.onClose(stop);
        return EventStreams.response(stream);
    }

    private MetricsResponse current() {
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
