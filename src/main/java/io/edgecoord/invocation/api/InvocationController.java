package io.edgecoord.invocation.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;
import io.edgecoord.invocation.InvalidIdempotencyKeyException;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.lifecycle.Cancellations;
import io.edgecoord.invocation.lifecycle.InvocationProperties;
import io.edgecoord.invocation.lifecycle.InvocationService;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationCursor;
import io.edgecoord.invocation.store.InvocationQuery;
import io.edgecoord.security.Callers;
import io.edgecoord.web.EventStreams;
import io.edgecoord.web.PageResponse;

/** Invoking tasks and reading what their invocations did. */
@Tag(name = "invocations", description = "Invoke tasks; read, list, cancel and replay their invocations")
@RestController
@RequestMapping("/api/v1")
class InvocationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final InvocationService invocations;
    private final Cancellations cancellations;
    private final InvocationProperties properties;
    private final JsonMapper json;
    private final LogFollower followers;

    InvocationController(InvocationService invocations, Cancellations cancellations, InvocationProperties properties,
            JsonMapper json, LogFollower followers) {
        this.followers = followers;
        this.invocations = invocations;
        this.cancellations = cancellations;
        this.properties = properties;
        this.json = json;
    }

    @Operation(operationId = "invokeTask", summary = "Invoke a task",
            description = "Waits for the result unless the request says `Prefer: respond-async`. A function's own "
                    + "error answers 502 (504 on timeout) with the `Edgecoord-Function-Error` header; errors of the "
                    + "coordinator never carry that header.")
    @ApiResponse(responseCode = "200", description = "The function's result, as it returned it")
    @ApiResponse(responseCode = "202", description = "Accepted; the record is at `Location`")
    @ApiResponse(responseCode = "502", description = "The function failed (`Edgecoord-Function-Error: Unhandled`)")
    @ApiResponse(responseCode = "504", description = "The function timed out (`Edgecoord-Function-Error: TimedOut`)")
    @ApiResponse(responseCode = "503", description = "No environment can be started (the coordinator's fault)")
    @ApiResponse(responseCode = "409", description = "The `Idempotency-Key` came first with another payload, or the "
            + "call was cancelled while the caller waited (`invocation-cancelled`)")
    @ApiResponse(responseCode = "400", description = "A bad event, or a bad `Edgecoord-Deadline-Ms` or "
            + "`Edgecoord-Priority` (`invalid-call-limit`)")
    @ApiResponse(responseCode = "422", description = "The task could never fit the coordinator's budget "
            + "(`exceeds-budget`); nothing was recorded")
    @ApiResponse(responseCode = "429", description = "The task's queue, or the whole queue, is full (`queue-full`, "
            + "with `Retry-After`); nothing was recorded")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, description = "The event: any JSON "
            + "value, passed to the function as it is", content = @Content(mediaType = "application/json",
                    schema = @Schema(ref = "#/components/schemas/JsonValue"), examples = @ExampleObject("{\"name\":\"edge\"}")))
    @PostMapping("/tasks/{name}/invoke")
    ResponseEntity<?> invoke(InputStream body, @PathVariable String name,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String qualifier,
            @RequestHeader(name = "Prefer", required = false) List<String> prefer,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = CallLimits.DEADLINE_HEADER, required = false) String deadlineMs,
            @RequestHeader(name = CallLimits.PRIORITY_HEADER, required = false) String priority)
            throws IOException, InterruptedException {
        // The body is taken first, whatever its content type: read later, a form-encoded body
        // (curl -d sends one) would already have been consumed as request parameters.
        Preferences preferences = Preferences.parse(prefer);
        CallLimits limits = CallLimits.parse(deadlineMs, priority);
        byte[] payload = Bodies.readBounded(body, properties.maxPayloadSize().toBytes());
        Invocation.Mode mode = preferences.respondAsync() ? Invocation.Mode.ASYNC : Invocation.Mode.SYNC;
        Qualified call = Qualified.of(name, qualifier, version);
        String key = idempotencyKey == null ? null : InvalidIdempotencyKeyException.check(idempotencyKey);
        InvocationService.Accepted accepted = call.qualifier() == null
                ? (key == null ? invocations.invoke(call.task(), version, payload, mode, limits)
                        : invocations.invokeIdempotent(call.task(), version, payload, mode, key, limits))
                : (key == null ? invocations.invokeQualified(call.task(), call.qualifier(), payload, mode, limits)
                        : invocations.invokeIdempotentQualified(call.task(), call.qualifier(), payload, mode, key,
                                limits));
        ResponseEntity<?> answer = answer(accepted, mode, preferences);
        return accepted.replayed()
                ? ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                        .header(IDEMPOTENT_REPLAYED, "true").body(answer.getBody())
                : answer;
    }

    @Operation(operationId = "replayInvocation", summary = "Replay a dead-lettered invocation",
            description = "Invokes the task's latest version again, asynchronously, with the same payload; the new "
                    + "record names the old one in `replayOf`.")
    @ApiResponse(responseCode = "202", description = "Accepted; the new record is at `Location`")
    @ApiResponse(responseCode = "409", description = "The invocation is not DEAD_LETTERED")
    @PostMapping("/invocations/{id}/replay")
    ResponseEntity<InvocationResponse> replay(@PathVariable String id) {
        checkTaskOf(id);
        Invocation replay = invocations.replay(id);
        return accepted(replay).body(InvocationResponse.from(replay, json));
    }

    private ResponseEntity<?> answer(InvocationService.Accepted accepted, Invocation.Mode mode,
            Preferences preferences) throws InterruptedException {
        if (mode == Invocation.Mode.ASYNC) {
            return accepted(accepted.invocation()).header("Preference-Applied", "respond-async")
                    .body(InvocationResponse.from(accepted.invocation(), json));
        }
        Duration wait = preferences.maxWait().filter(w -> w.compareTo(accepted.maxWait()) < 0).orElse(accepted.maxWait());
        try {
            return SyncResults.render(accepted.done().get(wait.toMillis(), TimeUnit.MILLISECONDS), json);
        }
        catch (TimeoutException | ExecutionException ex) {
            Invocation now = invocations.find(accepted.invocation().id());
            return now.status().isFinal() ? SyncResults.render(now, json)
                    : accepted(now).body(InvocationResponse.from(now, json));
        }
    }

    @Operation(operationId = "cancelInvocation", summary = "Cancel an invocation",
            description = "A queued call, or one waiting for a retry, is taken out and ends CANCELLED at once (200); "
                    + "a running one is stopped and its environment destroyed (202: it ends CANCELLED shortly). "
                    + "A cancelled call is never retried. Cancelling a CANCELLED call again answers 200.")
    @ApiResponse(responseCode = "200", description = "The record, CANCELLED")
    @ApiResponse(responseCode = "202", description = "The record, still RUNNING while its environment stops")
    @ApiResponse(responseCode = "404", description = "No invocation has this id")
    @ApiResponse(responseCode = "409", description = "It has ended otherwise (`invocation-not-cancellable`)")
    @DeleteMapping("/invocations/{id}")
    ResponseEntity<InvocationResponse> cancel(@PathVariable String id) throws InterruptedException {
        checkTaskOf(id);
        Cancellations.Cancelled cancelled = cancellations.cancel(id);
        InvocationResponse body = InvocationResponse.from(cancelled.invocation(), json);
        return cancelled.invocation().status() == InvocationStatus.CANCELLED ? ResponseEntity.ok(body)
                : accepted(cancelled.invocation()).body(body);
    }

    @Operation(operationId = "getInvocation", summary = "Read an invocation's record")
    @GetMapping("/invocations/{id}")
    InvocationResponse get(@PathVariable String id) {
        Invocation invocation = invocations.find(id);
        Callers.checkTask(invocation.taskName());
        return InvocationResponse.from(invocation, json);
    }

    @Operation(operationId = "getInvocationLogs", summary = "Read what the function printed during an invocation",
            description = "Bounded per invocation; a cut log ends with a marker and carries `Edgecoord-Log-Truncated: "
                    + "true`. With `follow=true` the answer is a stream of server-sent events instead "
                    + "(`text/event-stream`): `output` events `{\"text\": …}` as the function prints, then one `end` "
                    + "event `{\"status\": …, \"truncated\": …}` once the record is final. A stream idle for "
                    + "`edgecoord.web.streams.idle-timeout` is closed; past `edgecoord.web.streams.max` open streams, "
                    + "503 `too-many-streams`.")
    @ApiResponse(responseCode = "200", description = "The log; with `follow=true`, the event stream",
            content = { @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")),
                @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")) })
    @GetMapping(path = "/invocations/{id}/logs", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> logs(@PathVariable String id, @Parameter(description = "Stream the output as it comes "
            + "(server-sent events) until the invocation ends") @RequestParam(defaultValue = "false") boolean follow) {
        // follow=true is answered by followLogs; the parameter is here so that the document names it.
        checkTaskOf(id);
        return invocations.logs(id)
                .map(log -> ResponseEntity.ok().header("Edgecoord-Log-Truncated", String.valueOf(log.truncated()))
                        .body(log.text()))
                .orElseGet(() -> ResponseEntity.ok().body(""));
    }

    @Operation(hidden = true) // documented with getInvocationLogs: the same path, follow=true
    @GetMapping(path = "/invocations/{id}/logs", params = "follow=true", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter followLogs(@PathVariable String id) {
        Callers.checkTask(invocations.find(id).taskName());
        return EventStreams.response(followers.follow(id));
    }

    @Operation(operationId = "listInvocations", summary = "List invocations, newest first, by task, status and time",
            description = "Filters by task, status and acceptance time (`since` inclusive, `until` exclusive, ISO-8601 "
                    + "instants). Records keep arriving while a client pages, so follow `nextCursor` (pass it as "
                    + "`cursor`) rather than page numbers to see each record once; with a cursor `page` must be 0 "
                    + "and `totalItems` counts the records from that cursor on.")
    @GetMapping("/invocations")
    PageResponse<InvocationResponse> list(@RequestParam(required = false) String task,
            @RequestParam(required = false) InvocationStatus status,
            @Parameter(description = "Accepted at or after this instant") @RequestParam(required = false) Instant since,
            @Parameter(description = "Accepted before this instant") @RequestParam(required = false) Instant until,
            @Parameter(description = "The `nextCursor` of the page before") @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Callers.checkTaskFilter(task, "invocations");
        InvocationCursor after = cursor == null ? null : InvocationCursor.decode(cursor);
        if (after != null && page != 0) {
            throw new InvocationCursor.InvalidCursorException("A cursor already says where the page starts; leave page out.");
        }
        PageRequest request = PageRequest.of(page, size); // over the maximum: 400, never a silent cut
        return PageResponse.of(invocations.search(new InvocationQuery(task, status, since, until, after), request),
                i -> InvocationResponse.from(i, json), i -> InvocationCursor.after(i).encode());
    }

    /** A key limited to task patterns may touch only its tasks' invocations; others skip the look-up. */
    private void checkTaskOf(String id) {
        if (Callers.current().filter(key -> !key.taskPatterns().isEmpty()).isPresent()) {
            Callers.checkTask(invocations.find(id).taskName());
        }
    }

    private ResponseEntity.BodyBuilder accepted(Invocation invocation) {
        return ResponseEntity.accepted().location(URI.create(SyncResults.location(invocation)))
                .header(SyncResults.INVOCATION_ID, invocation.id());
    }
}
