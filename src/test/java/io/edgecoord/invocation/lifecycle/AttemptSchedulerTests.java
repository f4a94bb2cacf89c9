package io.edgecoord.invocation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.util.unit.DataSize;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.ExecutionResult;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationStore;
import io.edgecoord.scheduler.ScheduledCall;
import io.edgecoord.scheduler.Scheduler;
import io.edgecoord.task.DeployedTask;
import io.edgecoord.task.TaskCatalog;
import io.edgecoord.task.TaskExecution;
import io.edgecoord.task.TaskRuntime;

class AttemptSchedulerTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final DeployedTask TASK = new DeployedTask("hello", 1, TaskRuntime.PYTHON_3_11, "fn.handle", 128,
            Duration.ofSeconds(3), Map.of(), "00", Path.of("/code"));

    private final Scheduler scheduler = mock(Scheduler.class);
    private final TaskCatalog catalog = mock(TaskCatalog.class);
    private final InvocationStore store = mock(InvocationStore.class);
    private final RetryTimer timer = mock(RetryTimer.class);
    private final InvocationProperties properties =
            InvocationProperties.of(DataSize.ofMegabytes(6), DataSize.ofMegabytes(1), Duration.ofSeconds(5));
    private final AttemptScheduler attempts = new AttemptScheduler(scheduler, catalog, store,
            new LiveLogs(properties), new InvocationMetrics(new SimpleMeterRegistry()), mock(CompletionEvents.class),
            properties, timer, Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC));

    @BeforeEach
    void databaseReachable() {
        given(store.writable()).willReturn(true);
    }

    private static Invocation waitingForRetryAt(Instant at) {
        Invocation invocation = Invocation.accept("i-1", "hello", 1, Invocation.Mode.ASYNC, "{}".getBytes(), T0);
        invocation.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);
        invocation.fail(ErrorSource.FUNCTION, "ValueError", "boom", null, Duration.ZERO, T0.plusSeconds(9));
        invocation.retryAt(at);
        return invocation;
    }

    @Test
    void aFirstAttemptIsQueuedAtOnce() {
        Invocation invocation = Invocation.accept("i-1", "hello", 1, Invocation.Mode.ASYNC, "{}".getBytes(), T0);

        attempts.schedule(invocation, TASK, new CompletableFuture<>(), new CompletableFuture<>());

        verify(scheduler).submit(any());
        verify(timer, never()).at(any(), any(), any());
    }

    @Test
    void aRetryLeftWaitingByARestartIsQueuedWhenItsBackOffEnds() {
        Invocation invocation = waitingForRetryAt(T0.plusSeconds(11));
        given(store.find("i-1")).willReturn(Optional.of(invocation));
        given(catalog.version("hello", 1)).willReturn(TASK);
        ArgumentCaptor<Runnable> due = ArgumentCaptor.forClass(Runnable.class);

        attempts.schedule(invocation, TASK, new CompletableFuture<>(), new CompletableFuture<>());

        verify(timer).at(eq(T0.plusSeconds(11)), eq("i-1"), due.capture());
        verify(scheduler, never()).submit(any());
        due.getValue().run();
        ArgumentCaptor<ScheduledCall> call = ArgumentCaptor.forClass(ScheduledCall.class);
        verify(scheduler).submit(call.capture());
        assertThat(call.getValue().request().invocationId()).isEqualTo("i-1");
    }

    @Test
    void aRetryWhoseRecordIsNoLongerQueuedIsDropped() {
        Invocation invocation = waitingForRetryAt(T0.plusSeconds(11));
        given(store.find("i-1")).willReturn(Optional.empty());
        ArgumentCaptor<Runnable> due = ArgumentCaptor.forClass(Runnable.class);

        attempts.schedule(invocation, TASK, new CompletableFuture<>(), new CompletableFuture<>());
        verify(timer).at(any(), any(), due.capture());
        due.getValue().run();

        verify(scheduler, never()).submit(any());
    }

    @Test
    void anAttemptIsSettledByItsTaskVersionsOwnRetryLimits() {
        TaskExecution noRetries = new TaskExecution(TaskExecution.Isolation.CONTAINER, null, 0, null, null, false, 5, 1,
                null, 0, null);
        DeployedTask task = new DeployedTask("hello", 1, TaskRuntime.PYTHON_3_11, "fn.handle", 128,
                Duration.ofSeconds(3), Map.of(), "00", Path.of("/code"), noRetries);
        Invocation invocation = Invocation.accept("i-1", "hello", 1, Invocation.Mode.ASYNC, "{}".getBytes(), T0);
        given(store.update(eq("i-1"), any())).willAnswer(call -> {
            call.<Consumer<Invocation>>getArgument(1).accept(invocation);
            return invocation;
        });
        ArgumentCaptor<ScheduledCall> call = ArgumentCaptor.forClass(ScheduledCall.class);

        attempts.schedule(invocation, task, new CompletableFuture<>(), new CompletableFuture<>());
        verify(scheduler).submit(call.capture());
        call.getValue().observer().started("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);
        call.getValue().observer().finished(new ExecutionResult(
                new ExecutionResult.FunctionFailed("ValueError", "boom", null), "e1", StartKind.WARM, Duration.ZERO));

        assertThat(invocation.status()).isEqualTo(InvocationStatus.DEAD_LETTERED);
        assertThat(invocation.deadLetterReason()).isEqualTo(RetryPolicy.RETRIES_EXHAUSTED);
        verify(timer, never()).at(any(), any(), any());
    }

    @Test
    void aCallGoesToTheSchedulerWithItsPriorityDeadlineAndItsTasksWeightAndQueueLimit() {
        DeployedTask weighted = new DeployedTask("hello", 1, TaskRuntime.PYTHON_3_11, "fn.handle", 128,
                Duration.ofSeconds(3), Map.of(), "00", Path.of("/code"), new TaskExecution(
                        TaskExecution.Isolation.CONTAINER, null, 0, null, null, false, 7, 40, 25, null, null));
        Invocation invocation = Invocation.accept("i-1", "hello", 1, Invocation.Mode.ASYNC, "{}".getBytes(), T0)
                .scheduled(3, T0.plusSeconds(2));

        attempts.schedule(invocation, weighted, new CompletableFuture<>(), new CompletableFuture<>());

        ArgumentCaptor<ScheduledCall> call = ArgumentCaptor.forClass(ScheduledCall.class);
        verify(scheduler).submit(call.capture());
        assertThat(call.getValue().priority()).isEqualTo(3);
        assertThat(call.getValue().weight()).isEqualTo(40);
        assertThat(call.getValue().maxQueueLength()).isEqualTo(25);
        assertThat(call.getValue().request().deadline()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void aTaskWithoutItsOwnQueueLimitPassesZeroForTheDefault() {
        attempts.schedule(Invocation.accept("i-1", "hello", 1, Invocation.Mode.ASYNC, "{}".getBytes(), T0), TASK,
                new CompletableFuture<>(), new CompletableFuture<>());

        ArgumentCaptor<ScheduledCall> call = ArgumentCaptor.forClass(ScheduledCall.class);
        verify(scheduler).submit(call.capture());
        assertThat(call.getValue().maxQueueLength()).isZero();
        assertThat(call.getValue().priority()).isEqualTo(TaskExecution.DEFAULT_PRIORITY);
        assertThat(call.getValue().request().deadline()).isNull();
    }

    @Test
    void aCancelledRetryIsDroppedAndItsRecordEndsCancelled() {
        Invocation invocation = waitingForRetryAt(T0.plusSeconds(11));
        given(store.update(eq("i-1"), any())).willAnswer(call -> {
            call.<java.util.function.Consumer<Invocation>>getArgument(1).accept(invocation);
            return invocation;
        });
        given(timer.cancel("i-1")).willReturn(true);
        CompletableFuture<Invocation> done = new CompletableFuture<>();
        attempts.schedule(invocation, TASK, done, new CompletableFuture<>());

        assertThat(attempts.cancelWaiting("i-1", "by its client")).isTrue();

        assertThat(invocation.status()).isEqualTo(InvocationStatus.CANCELLED);
        assertThat(done).isCompletedWithValue(invocation);
        assertThat(attempts.cancelWaiting("i-1", "twice")).isFalse();
    }

    @Test
    void aCallWithNoRetryWaitingIsNotCancelledHere() {
        assertThat(attempts.cancelWaiting("i-1", "by its client")).isFalse();
        verify(timer, never()).cancel(any());
    }
}
