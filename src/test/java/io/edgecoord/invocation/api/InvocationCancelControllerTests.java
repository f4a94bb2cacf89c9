package io.edgecoord.invocation.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.edgecoord.invocation.InvocationNotCancellableException;
import io.edgecoord.invocation.InvocationNotFoundException;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.lifecycle.Cancellations;
import io.edgecoord.invocation.lifecycle.InvocationService;
import io.edgecoord.invocation.store.Invocation;

/** Cancelling over HTTP, the deadline and priority headers, and how a cancelled or expired call answers. */
class InvocationCancelControllerTests extends InvocationControllerSlice {

    private static Invocation cancelled(String id) {
        Invocation invocation = Invocation.accept(id, "hello", 2, Invocation.Mode.SYNC, "{}".getBytes(), T0);
        invocation.cancel("cancelled by its client", Duration.ZERO, T0.plusSeconds(1));
        return invocation;
    }

    @Test
    void cancellingAQueuedCallAnswers200WithTheCancelledRecord() throws Exception {
        given(cancellations.cancel("i-1")).willReturn(new Cancellations.Cancelled(cancelled("i-1"), "queued"));

        mvc.perform(delete("/api/v1/invocations/i-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.error.type").value("Coordinator.Cancelled"));
    }

    @Test
    void cancellingARunningCallAnswers202WhileItsEnvironmentStops() throws Exception {
        given(cancellations.cancel("i-2")).willReturn(new Cancellations.Cancelled(running("i-2"), "running"));

        mvc.perform(delete("/api/v1/invocations/i-2"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/invocations/i-2"))
                .andExpect(jsonPath("$.status").value("RUNNING"));
    }

    @Test
    void cancellingAnUnknownInvocationIsA404Problem() throws Exception {
        given(cancellations.cancel("zzz")).willThrow(new InvocationNotFoundException("zzz"));

        mvc.perform(delete("/api/v1/invocations/zzz"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/invocation-not-found"));
    }

    @Test
    void cancellingAnEndedInvocationIsA409Problem() throws Exception {
        given(cancellations.cancel("i-3")).willThrow(
                new InvocationNotCancellableException("i-3", InvocationStatus.SUCCEEDED, "it has ended."));

        mvc.perform(delete("/api/v1/invocations/i-3"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/invocation-not-cancellable"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.invocationId").value("i-3"))
                .andExpect(jsonPath("$.invocationStatus").value("SUCCEEDED"));
    }

    @Test
    void theDeadlineAndPriorityHeadersReachTheService() throws Exception {
        Invocation invocation = Invocation.accept("i-4", "hello", 2, Invocation.Mode.ASYNC, "{}".getBytes(), T0);
        given(service.invoke(eq("hello"), isNull(), any(), eq(Invocation.Mode.ASYNC),
                eq(new CallLimits(Duration.ofMillis(1500), 2)))).willReturn(new InvocationService.Accepted(invocation,
                        new CompletableFuture<>(), Duration.ofSeconds(5), new CompletableFuture<>()));

        mvc.perform(post("/api/v1/tasks/hello/invoke").header("Prefer", "respond-async")
                        .header("Edgecoord-Deadline-Ms", "1500").header("Edgecoord-Priority", "2").content("{}"))
                .andExpect(status().isAccepted());
    }

    @Test
    void aBadDeadlineIsA400ProblemAndNothingIsInvoked() throws Exception {
        mvc.perform(post("/api/v1/tasks/hello/invoke").header("Edgecoord-Deadline-Ms", "0").content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/invalid-call-limit"))
                .andExpect(jsonPath("$.header").value("Edgecoord-Deadline-Ms"));
        mvc.perform(post("/api/v1/tasks/hello/invoke").header("Edgecoord-Priority", "10").content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.header").value("Edgecoord-Priority"));
        verify(service, never()).invoke(any(), any(), any(), any(), any(CallLimits.class));
    }

    @Test
    void aSynchronousCallCancelledWhileItsCallerWaitsIsA409Problem() throws Exception {
        Invocation accepted = Invocation.accept("i-5", "hello", 2, Invocation.Mode.SYNC, "{}".getBytes(), T0);
        given(service.invoke(eq("hello"), isNull(), any(), eq(Invocation.Mode.SYNC), eq(CallLimits.NONE)))
                .willReturn(new InvocationService.Accepted(accepted,
                        CompletableFuture.completedFuture(cancelled("i-5")), Duration.ofSeconds(5),
                        new CompletableFuture<>()));

        mvc.perform(post("/api/v1/tasks/hello/invoke").content("{}"))
                .andExpect(status().isConflict())
                .andExpect(header().doesNotExist("Edgecoord-Function-Error"))
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/invocation-cancelled"))
                .andExpect(jsonPath("$.invocationId").value("i-5"));
    }

    @Test
    void aSynchronousCallWhoseDeadlinePassedInTheQueueIsA504DeadlineProblem() throws Exception {
        Invocation accepted = Invocation.accept("i-6", "hello", 2, Invocation.Mode.SYNC, "{}".getBytes(), T0)
                .scheduled(5, T0.plusSeconds(1));
        Invocation expired = Invocation.accept("i-6", "hello", 2, Invocation.Mode.SYNC, "{}".getBytes(), T0)
                .scheduled(5, T0.plusSeconds(1));
        expired.expire(T0.plusSeconds(1), Duration.ZERO, T0.plusSeconds(1));
        given(service.invoke(eq("hello"), isNull(), any(), eq(Invocation.Mode.SYNC),
                eq(new CallLimits(Duration.ofSeconds(1), null)))).willReturn(new InvocationService.Accepted(accepted,
                        CompletableFuture.completedFuture(expired), Duration.ofSeconds(5), new CompletableFuture<>()));

        mvc.perform(post("/api/v1/tasks/hello/invoke").header("Edgecoord-Deadline-Ms", "1000").content("{}"))
                .andExpect(status().isGatewayTimeout())
                .andExpect(header().doesNotExist("Edgecoord-Function-Error"))
                .andExpect(jsonPath("$.type").value("https://edgecoord.io/problems/deadline-expired"));
    }
}
