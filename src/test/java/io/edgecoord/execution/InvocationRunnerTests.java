package io.edgecoord.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.edgecoord.runtime.RuntimeCall;
import io.edgecoord.runtime.RuntimeEndpoint;
import io.edgecoord.runtime.RuntimeInvocation;
import io.edgecoord.runtime.RuntimeOutcome;

/** The runner against a stand-in endpoint: what it tells the runtime, and how a run ends. */
class InvocationRunnerTests {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final EnvironmentSpec SPEC = new EnvironmentSpec("hello", 1, "python3.11", "fn.handle", 128,
            Map.of(), Path.of("/code"), false);

    private final RuntimeEndpoint endpoint = mock(RuntimeEndpoint.class);
    private final Environment env = new Environment("e1", SPEC, EnvironmentPolicy.Isolation.CONTAINER, endpoint, NOW,
            e -> { });
    private final RunningCalls calls = new RunningCalls(Clock.fixed(NOW, ZoneOffset.UTC));
    private final InvocationRunner runner = new InvocationRunner(Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(5), calls);
    private final CompletableFuture<RuntimeOutcome> outcome = new CompletableFuture<>();

    private static ExecutionRequest request(Duration timeout, Instant deadline) {
        return new ExecutionRequest("i-1", SPEC, "{}".getBytes(), timeout, deadline);
    }

    private InvocationRunner.Ran run(ExecutionRequest request, StartKind kind) {
        InvocationRunner.Ran[] ran = new InvocationRunner.Ran[1];
        calls.track(request, mock(ExecutionListener.class), () -> {
            ran[0] = runner.run(env, request, kind);
            return ExecutionResult.notStarted(ran[0].outcome());
        });
        return ran[0];
    }

    private RuntimeInvocation submitted() {
        ArgumentCaptor<RuntimeInvocation> invocation = ArgumentCaptor.forClass(RuntimeInvocation.class);
        verify(endpoint).submit(invocation.capture());
        return invocation.getValue();
    }

    @Test
    void withoutADeadlineTheRuntimeIsToldTheTimeout() {
        given(endpoint.submit(any())).willAnswer(call -> {
            outcome.complete(new RuntimeOutcome.Success("1".getBytes()));
            return new RuntimeCall(CompletableFuture.completedFuture(NOW), outcome);
        });

        InvocationRunner.Ran ran = run(request(Duration.ofSeconds(30), null), StartKind.WARM);

        assertThat(ran.outcome()).isInstanceOf(ExecutionResult.Succeeded.class);
        assertThat(ran.reusable()).isTrue();
        assertThat(submitted().deadlineEpochMs()).isEqualTo(NOW.plusSeconds(30).toEpochMilli());
    }

    @Test
    void theRuntimeIsToldTheAliasOrVersionInvokedAndTheCallersClientContext() {
        given(endpoint.submit(any())).willAnswer(call -> {
            outcome.complete(new RuntimeOutcome.Success("1".getBytes()));
            return new RuntimeCall(CompletableFuture.completedFuture(NOW), outcome);
        });

        run(new ExecutionRequest("i-1", SPEC, "{}".getBytes(), Duration.ofSeconds(30), null, "live",
                "{\"custom\":{\"subject\":\"a/b\"}}"), StartKind.WARM);

        assertThat(submitted()).satisfies(invocation -> {
            assertThat(invocation.functionArn()).isEqualTo("arn:aws:lambda:edge:000000000000:function:hello:live");
            assertThat(invocation.clientContext()).isEqualTo("{\"custom\":{\"subject\":\"a/b\"}}");
        });
        assertThat(InvocationRunner.functionArn(SPEC, null)).isEqualTo("arn:aws:lambda:edge:000000000000:function:hello:1");
    }

    @Test
    void aDeadlineBeforeTheTimeoutIsWhatTheRuntimeIsToldAndWhatCutsTheRunShort() {
        given(endpoint.submit(any())).willReturn(new RuntimeCall(CompletableFuture.completedFuture(NOW), outcome));
        Instant deadline = NOW.plusMillis(200);

        InvocationRunner.Ran ran = run(request(Duration.ofSeconds(30), deadline), StartKind.WARM);

        assertThat(submitted().deadlineEpochMs()).isEqualTo(deadline.toEpochMilli());
        assertThat(ran.outcome()).isEqualTo(new ExecutionResult.TimedOut(Duration.ofMillis(200), deadline));
        assertThat(ran.eviction()).isEqualTo(EvictionReason.TIMEOUT);
    }

    @Test
    void aDeadlineThatPassedBeforeTheHandOverExpiresTheCallAndKeepsTheEnvironment() {
        InvocationRunner.Ran ran = run(request(Duration.ofSeconds(30), NOW.minusMillis(1)), StartKind.WARM);

        assertThat(ran.outcome()).isEqualTo(new ExecutionResult.Expired(NOW.minusMillis(1)));
        assertThat(ran.reusable()).isTrue();
        verify(endpoint, never()).submit(any());
    }

    @Test
    void aStopWhileRunningEndsItCancelledAndSpendsTheEnvironment() {
        given(endpoint.submit(any())).willAnswer(call -> {
            calls.stop("i-1", "by its client");
            return new RuntimeCall(CompletableFuture.completedFuture(NOW), outcome);
        });

        InvocationRunner.Ran ran = run(request(Duration.ofSeconds(30), null), StartKind.WARM);

        assertThat(ran.outcome()).isEqualTo(new ExecutionResult.Cancelled("by its client"));
        assertThat(ran.eviction()).isEqualTo(EvictionReason.CANCELLED);
    }

    @Test
    void aStopWhileANewEnvironmentStartsEndsItCancelledBeforeAnythingIsHandedOver() {
        given(endpoint.ready()).willAnswer(call -> {
            calls.stop("i-1", "during init");
            return new CompletableFuture<Instant>();
        });

        InvocationRunner.Ran ran = run(request(Duration.ofSeconds(30), null), StartKind.COLD);

        assertThat(ran.outcome()).isEqualTo(new ExecutionResult.Cancelled("during init"));
        assertThat(ran.eviction()).isEqualTo(EvictionReason.CANCELLED);
        verify(endpoint, never()).submit(any());
    }
}
