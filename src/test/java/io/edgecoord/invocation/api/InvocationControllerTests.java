package io.edgecoord.invocation.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.ExecutionUnavailableException;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.IdempotencyKeyReusedException;
import io.edgecoord.invocation.InvocationNotFoundException;
import io.edgecoord.invocation.InvocationNotReplayableException;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.lifecycle.InvocationService;
import io.edgecoord.invocation.lifecycle.RetryPolicy;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationCursor;
import io.edgecoord.invocation.store.InvocationLog;
import io.edgecoord.invocation.store.InvocationQuery;
import io.edgecoord.task.TaskNotFoundException;

class InvocationControllerTests extends InvocationControllerSlice {

    private void accepting(Invocation invocation, Invocation finished) {
        given(service.invoke(eq("hello"), isNull(), any(), eq(invocation.mode()), eq(CallLimits.NONE))).willReturn(
                new InvocationService.Accepted(invocation, CompletableFuture.completedFuture(finished),
                        Duration.ofSeconds(5), new CompletableFuture<>()));
    }

    @Test
    void aSynchronousInvokeAnswersTheFunctionsResultWithTheInvocationId() throws Exception {
        Invocation done = running("i-1");
        done.succeed("{\"answer\":42}".getBytes(), Duration.ZERO, T0.plusMillis(9));
        accepting(queued("i-1", Invocation.Mode.SYNC), done);

        mvc.perform(post("/api/v1/tasks/hello/invoke").contentType(MediaType.APPLICATION_JSON).content("{\"x\":1}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Edgecoord-Invocation-Id", "i-1"))
                .andExpect(header().string("Content-Location", "/api/v1/invocations/i-1"))
                .andExpect(header().doesNotExist("Edgecoord-Function-Error"))
                .andExpect(jsonPath("$.answer").value(42));
    }

    @Test
    void aFunctionErrorIsA502ProblemMarkedAsTheFunctions() throws Exception {
        Invocation done = running("i-2");
        done.fail(ErrorSource.FUNCTION, "ValueError", "bad input",
                "{\"errorType\":\"ValueError\",\"errorMessage\":\"bad input\",\"stackTrace\":[]}".getBytes(),
                Duration.ZERO, T0);
        accepting(queued("i-2", Invocation.Mode.SYNC), done);

        mvc.perform(post("/api/v1/tasks/hello/invoke").content("{}"))
                .andExpect(status().isBadGateway())
                .andExpect(header().string("Edgecoord-Function-Error", "Unhandled"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/function-error"))
                .andExpect(jsonPath("$.errorType").value("ValueError"))
                .andExpect(jsonPath("$.detail").value("bad input"))
                .andExpect(jsonPath("$.error.stackTrace").isArray());
    }

    @Test
    void aTimeoutIsA504ProblemMarkedAsTheFunctions() throws Exception {
        Invocation done = running("i-3");
        done.timeOut(Duration.ofSeconds(1), Duration.ZERO, T0.plusSeconds(1));
        accepting(queued("i-3", Invocation.Mode.SYNC), done);

        mvc.perform(post("/api/v1/tasks/hello/invoke").content("{}"))
                .andExpect(status().isGatewayTimeout())
                .andExpect(header().string("Edgecoord-Function-Error", "TimedOut"))
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/function-timeout"));
    }

    @Test
    void aCoordinatorFailureCarriesNoFunctionErrorHeader() throws Exception {
        Invocation done = queued("i-4", Invocation.Mode.SYNC);
        done.fail(ErrorSource.COORDINATOR, "Coordinator.EnvironmentStartFailed", "no such image", null,
                Duration.ZERO, T0);
        accepting(queued("i-4", Invocation.Mode.SYNC), done);

        mvc.perform(post("/api/v1/tasks/hello/invoke").content("{}"))
                .andExpect(status().isInternalServerError())
                .andExpect(header().doesNotExist("Edgecoord-Function-Error"))
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/execution-failed"));
    }

    @Test
    void respondAsyncAnswers202WithTheRecordsLocation() throws Exception {
        Invocation invocation = queued("i-5", Invocation.Mode.ASYNC);
        accepting(invocation, null);

        mvc.perform(post("/api/v1/tasks/hello/invoke").header("Prefer", "respond-async").content("{}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/invocations/i-5"))
                .andExpect(header().string("Preference-Applied", "respond-async"))
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.mode").value("ASYNC"));
    }

    @Test
    void aSynchronousCallStillRunningAfterTheWaitTurnsInto202() throws Exception {
        Invocation invocation = queued("i-6", Invocation.Mode.SYNC);
        given(service.invoke(eq("hello"), isNull(), any(), eq(Invocation.Mode.SYNC), eq(CallLimits.NONE))).willReturn(
                new InvocationService.Accepted(invocation, new CompletableFuture<>(), Duration.ofSeconds(5),
                        new CompletableFuture<>()));
        given(service.find("i-6")).willReturn(running("i-6"));

        mvc.perform(post("/api/v1/tasks/hello/invoke").header("Prefer", "wait=0").content("{}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/invocations/i-6"))
                .andExpect(jsonPath("$.status").value("RUNNING"));
    }

    @Test
    void anUnknownTaskIsA404Problem() throws Exception {
        given(service.invoke(eq("nope"), isNull(), any(), any(), eq(CallLimits.NONE))).willThrow(new TaskNotFoundException("nope"));

        mvc.perform(post("/api/v1/tasks/nope/invoke").content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/task-not-found"));
    }

    @Test
    void aPayloadOverTheLimitIsRefusedWith413BeforeAnythingIsAccepted() throws Exception {
        mvc.perform(post("/api/v1/tasks/hello/invoke").content("{\"x\":\"" + "a".repeat(100) + "\"}"))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/payload-too-large"));
    }

    @Test
    void anUnavailableEngineIsA503Problem() throws Exception {
        given(service.invoke(eq("hello"), isNull(), any(), any(), eq(CallLimits.NONE)))
                .willThrow(new ExecutionUnavailableException("No environment can be started: engine down", null));

        mvc.perform(post("/api/v1/tasks/hello/invoke").content("{}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value("No environment can be started: engine down"));
    }

    @Test
    void readsAnInvocationsRecord() throws Exception {
        Invocation done = running("i-7");
        done.succeed("\"ok\"".getBytes(), Duration.ZERO, T0.plusMillis(11));
        given(service.find("i-7")).willReturn(done);

        mvc.perform(get("/api/v1/invocations/i-7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.result").value("ok"))
                .andExpect(jsonPath("$.start").value("WARM"))
                .andExpect(jsonPath("$.environmentId").value("e1"))
                .andExpect(jsonPath("$.isolation").value("CONTAINER"))
                .andExpect(jsonPath("$.durationMs").value(10))
                .andExpect(jsonPath("$.acceptedAt").value("2026-11-27T12:00:00Z"));
    }

    @Test
    void anUnknownInvocationIsA404Problem() throws Exception {
        given(service.find("zzz")).willThrow(new InvocationNotFoundException("zzz"));

        mvc.perform(get("/api/v1/invocations/zzz"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/invocation-not-found"));
    }

    @Test
    void readsTheLogsAsPlainTextWithTheTruncationFlag() throws Exception {
        given(service.logs("i-8")).willReturn(Optional.of(new InvocationLog("i-8", "hello\n", true)));

        mvc.perform(get("/api/v1/invocations/i-8/logs"))
                .andExpect(status().isOk())
                .andExpect(content().string("hello\n"))
                .andExpect(header().string("Edgecoord-Log-Truncated", "true"));
    }

    @Test
    void listsInvocationsByTaskAndStatusPaged() throws Exception {
        given(service.search(eq(InvocationQuery.of("hello", InvocationStatus.QUEUED)), eq(PageRequest.of(1, 2))))
                .willReturn(new PageImpl<>(List.of(queued("a", Invocation.Mode.ASYNC)), PageRequest.of(1, 2), 3));

        mvc.perform(get("/api/v1/invocations").param("task", "hello").param("status", "QUEUED")
                        .param("page", "1").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("a"))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2));
    }

    @Test
    void listsByTimeWindowAndHandsOutACursorForTheNextPage() throws Exception {
        Instant since = Instant.parse("2026-12-01T00:00:00Z");
        Instant until = Instant.parse("2026-12-02T00:00:00Z");
        Invocation last = queued("a", Invocation.Mode.ASYNC);
        given(service.search(eq(new InvocationQuery(null, null, since, until, null)), eq(PageRequest.of(0, 1))))
                .willReturn(new PageImpl<>(List.of(last), PageRequest.of(0, 1), 3));

        mvc.perform(get("/api/v1/invocations").param("since", since.toString()).param("until", until.toString())
                        .param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("a"))
                .andExpect(jsonPath("$.nextCursor").value(InvocationCursor.after(last).encode()));
    }

    @Test
    void aCursorNoPageGaveOutOrACursorWithAPageNumberIsA400Problem() throws Exception {
        mvc.perform(get("/api/v1/invocations").param("cursor", "not-a-cursor"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        String cursor = new InvocationCursor(Instant.parse("2026-12-01T00:00:00Z"), "x").encode();
        mvc.perform(get("/api/v1/invocations").param("cursor", cursor).param("page", "2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }

    @Test
    void aTimeThatIsNoInstantIsA400Problem() throws Exception {
        mvc.perform(get("/api/v1/invocations").param("since", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aPageOverTheMaximumSizeIsA400ProblemNeverASilentCut() throws Exception {
        mvc.perform(get("/api/v1/invocations").param("size", "201"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void anUnknownStatusFilterIsA400Problem() throws Exception {
        mvc.perform(get("/api/v1/invocations").param("status", "DONE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static Invocation deadLettered(String id) {
        Invocation invocation = queued(id, Invocation.Mode.ASYNC);
        invocation.start("e1", StartKind.COLD, EnvironmentPolicy.Isolation.CONTAINER, T0.plusMillis(300));
        invocation.fail(ErrorSource.FUNCTION, "ValueError", "boom", null, Duration.ofMillis(200), T0.plusMillis(350));
        invocation.deadLetter(RetryPolicy.RETRIES_EXHAUSTED, T0.plusMillis(350));
        return invocation;
    }

    @Test
    void listsDeadLetteredInvocationsWithTheirAttemptReasonAndTimings() throws Exception {
        given(service.search(eq(InvocationQuery.of(null, InvocationStatus.DEAD_LETTERED)), eq(PageRequest.of(0, 20))))
                .willReturn(new PageImpl<>(List.of(deadLettered("d-1")), PageRequest.of(0, 20), 1));

        mvc.perform(get("/api/v1/invocations").param("status", "DEAD_LETTERED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].status").value("DEAD_LETTERED"))
                .andExpect(jsonPath("$.items[0].attempt").value(1))
                .andExpect(jsonPath("$.items[0].deadLetterReason").value("RetriesExhausted"))
                .andExpect(jsonPath("$.items[0].error.type").value("ValueError"))
                .andExpect(jsonPath("$.items[0].queuedMs").value(100))
                .andExpect(jsonPath("$.items[0].initDurationMs").value(200))
                .andExpect(jsonPath("$.items[0].runMs").value(50))
                .andExpect(jsonPath("$.items[0].start").value("COLD"));
    }

    @Test
    void replayingADeadLetteredInvocationAnswers202WithTheNewRecordsLocation() throws Exception {
        given(service.replay("d-1")).willReturn(queued("r-1", Invocation.Mode.ASYNC).replaying("d-1"));

        mvc.perform(post("/api/v1/invocations/d-1/replay"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/invocations/r-1"))
                .andExpect(jsonPath("$.replayOf").value("d-1"))
                .andExpect(jsonPath("$.attempt").value(1))
                .andExpect(jsonPath("$.status").value("QUEUED"));
    }

    @Test
    void replayingAnInvocationThatIsNotDeadLetteredIsA409Problem() throws Exception {
        given(service.replay("s-1")).willThrow(new InvocationNotReplayableException("s-1", InvocationStatus.SUCCEEDED));

        mvc.perform(post("/api/v1/invocations/s-1/replay"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/invocation-not-replayable"));
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstCallMarkedAsReplayed() throws Exception {
        Invocation first = queued("i-9", Invocation.Mode.ASYNC).idempotent("order-7", "00".repeat(32));
        given(service.invokeIdempotent(eq("hello"), isNull(), any(), eq(Invocation.Mode.ASYNC), eq("order-7"), eq(CallLimits.NONE)))
                .willReturn(new InvocationService.Accepted(first, new CompletableFuture<>(), Duration.ofSeconds(5),
                        new CompletableFuture<>(), true));

        mvc.perform(post("/api/v1/tasks/hello/invoke").header("Prefer", "respond-async")
                        .header("Idempotency-Key", "order-7").content("{}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/invocations/i-9"))
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.idempotencyKey").value("order-7"));
    }

    @Test
    void aSynchronousRepeatOfAnIdempotencyKeyAnswersTheFirstCallsResult() throws Exception {
        Invocation first = running("i-10");
        first.succeed("{\"answer\":42}".getBytes(), Duration.ZERO, T0.plusMillis(9));
        given(service.invokeIdempotent(eq("hello"), isNull(), any(), eq(Invocation.Mode.SYNC), eq("k"), eq(CallLimits.NONE)))
                .willReturn(new InvocationService.Accepted(first, CompletableFuture.completedFuture(first),
                        Duration.ofSeconds(5), new CompletableFuture<>(), true));

        mvc.perform(post("/api/v1/tasks/hello/invoke").header("Idempotency-Key", "k").content("{}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Edgecoord-Invocation-Id", "i-10"))
                .andExpect(jsonPath("$.answer").value(42));
    }

    @Test
    void aNewIdempotencyKeyIsNotMarkedAsReplayed() throws Exception {
        Invocation invocation = queued("i-11", Invocation.Mode.ASYNC);
        given(service.invokeIdempotent(eq("hello"), isNull(), any(), eq(Invocation.Mode.ASYNC), eq("fresh"), eq(CallLimits.NONE)))
                .willReturn(new InvocationService.Accepted(invocation, new CompletableFuture<>(),
                        Duration.ofSeconds(5), new CompletableFuture<>()));

        mvc.perform(post("/api/v1/tasks/hello/invoke").header("Prefer", "respond-async")
                        .header("Idempotency-Key", "fresh").content("{}"))
                .andExpect(status().isAccepted())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherPayloadIsA409Problem() throws Exception {
        given(service.invokeIdempotent(eq("hello"), isNull(), any(), any(), eq("order-7"), eq(CallLimits.NONE)))
                .willThrow(new IdempotencyKeyReusedException("hello", "order-7", "i-9"));

        mvc.perform(post("/api/v1/tasks/hello/invoke").header("Idempotency-Key", "order-7").content("{\"x\":2}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/idempotency-key-reused"))
                .andExpect(jsonPath("$.invocationId").value("i-9"));
    }

    @Test
    void anIdempotencyKeyTooLongIsA400Problem() throws Exception {
        mvc.perform(post("/api/v1/tasks/hello/invoke").header("Idempotency-Key", "k".repeat(257)).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/invalid-idempotency-key"));
    }
}
