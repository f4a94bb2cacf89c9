package io.edgecoord.invocation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationRepository;
import io.edgecoord.invocation.store.InvocationStore;
import io.edgecoord.task.DeployedTask;
import io.edgecoord.task.TaskCatalog;
import io.edgecoord.task.TaskExecution;
import io.edgecoord.task.TaskRuntime;

class InvocationRecoveryTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final Instant NOW = T0.plusSeconds(60);
    private static final DeployedTask TASK = new DeployedTask("hello", 1, TaskRuntime.PYTHON_3_11, "fn.handle", 128,
            Duration.ofSeconds(3), Map.of(), "00", Path.of("/code"));

    private final InvocationRepository repository = mock(InvocationRepository.class);
    private final InvocationStore store = mock(InvocationStore.class);
    private final AttemptScheduler attempts = mock(AttemptScheduler.class);
    private final TaskCatalog catalog = mock(TaskCatalog.class);
    private final InvocationRecovery recovery = new InvocationRecovery(repository, store, attempts, catalog,
            Clock.fixed(NOW, ZoneOffset.UTC),
            InvocationProperties.of(DataSize.ofMegabytes(6), DataSize.ofMegabytes(1), Duration.ofSeconds(5)));

    private void leftUnfinished(Invocation... invocations) {
        given(repository.findByStatusInOrderByAcceptedAt(any())).willReturn(List.of(invocations));
        for (Invocation invocation : invocations) {
            given(store.update(eq(invocation.id()), any())).willAnswer(call -> {
                call.<Consumer<Invocation>>getArgument(1).accept(invocation);
                return invocation;
            });
        }
        given(catalog.version("hello", 1)).willReturn(TASK);
        recovery.afterSingletonsInstantiated();
    }

    private static Invocation running(String id, Invocation.Mode mode) {
        Invocation invocation = Invocation.accept(id, "hello", 1, mode, "{}".getBytes(), T0);
        invocation.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);
        return invocation;
    }

    @Test
    void aCallWhoseClientAskedToStopItEndsCancelledAtStartUpInsteadOfBeingRetried() {
        Invocation invocation = running("c", Invocation.Mode.ASYNC);
        invocation.cancelRequested(T0.plusSeconds(1));
        leftUnfinished(invocation);

        recovery.recover();

        assertThat(invocation.status()).isEqualTo(InvocationStatus.CANCELLED);
        assertThat(invocation.attempt()).isEqualTo(1);
        verify(attempts, never()).readmit(any(), any(), any(), any());
    }

    @Test
    void anAsynchronousCallThatWasRunningIsRetriedAfterItsBackOff() {
        Invocation invocation = running("a", Invocation.Mode.ASYNC);
        leftUnfinished(invocation);

        recovery.recover();

        assertThat(invocation.status()).isEqualTo(InvocationStatus.QUEUED);
        assertThat(invocation.attempt()).isEqualTo(2);
        assertThat(invocation.queuedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(invocation.errorType()).isEqualTo("Coordinator.Restarted");
        verify(attempts).readmit(same(invocation), eq(TASK), any(), any());
    }

    @Test
    void callsThisRunAcceptedBeforeItWasReadyAreLeftToRun() {
        leftUnfinished();
        Invocation queued = Invocation.accept("q", "hello", 1, Invocation.Mode.ASYNC, "{}".getBytes(), NOW);
        given(repository.findByStatusInOrderByAcceptedAt(any())).willReturn(List.of(queued, running("r",
                Invocation.Mode.ASYNC)));

        recovery.recover();

        verify(attempts, never()).readmit(any(), any(), any(), any());
        verify(store, never()).update(anyString(), any());
    }

    @Test
    void aSynchronousCallThatWasRunningFailsAsTheCoordinatorsFault() {
        Invocation invocation = running("s", Invocation.Mode.SYNC);
        leftUnfinished(invocation);

        recovery.recover();

        assertThat(invocation.status()).isEqualTo(InvocationStatus.FAILED);
        assertThat(invocation.errorSource()).isEqualTo(ErrorSource.COORDINATOR);
        verify(attempts, never()).readmit(any(), any(), any(), any());
    }

    @Test
    void aRetryThatWasWaitingIsScheduledAgainAsItStands() {
        Invocation invocation = running("w", Invocation.Mode.ASYNC);
        invocation.fail(ErrorSource.FUNCTION, "ValueError", "boom", null, Duration.ZERO, T0.plusSeconds(1));
        invocation.retryAt(NOW.plusSeconds(30));
        leftUnfinished(invocation);

        recovery.recover();

        assertThat(invocation.attempt()).isEqualTo(2);
        assertThat(invocation.queuedAt()).isEqualTo(NOW.plusSeconds(30));
        verify(attempts).readmit(same(invocation), eq(TASK), any(), any());
        verify(store, never()).update(anyString(), any());
    }

    @Test
    void anAsynchronousCallThatWasRunningFollowsItsTasksOwnRetryLimits() {
        Invocation invocation = running("n", Invocation.Mode.ASYNC);
        leftUnfinished(invocation);
        given(catalog.version("hello", 1)).willReturn(withRetries(0));

        recovery.recover();

        assertThat(invocation.status()).isEqualTo(InvocationStatus.DEAD_LETTERED);
        assertThat(invocation.deadLetterReason()).isEqualTo(RetryPolicy.RETRIES_EXHAUSTED);
        verify(attempts, never()).readmit(any(), any(), any(), any());
    }

    private static DeployedTask withRetries(int maxRetries) {
        TaskExecution execution = new TaskExecution(TaskExecution.Isolation.CONTAINER, null, 0, null, null, false, 5,
                1, null, maxRetries, null);
        return new DeployedTask("hello", 1, TaskRuntime.PYTHON_3_11, "fn.handle", 128, Duration.ofSeconds(3), Map.of(),
                "00", Path.of("/code"), execution);
    }

    @Test
    void aQueuedCallWhoseDeadlinePassedWhileTheCoordinatorWasDownExpiresInsteadOfRunning() {
        Invocation async = Invocation.accept("a", "hello", 1, Invocation.Mode.ASYNC, "{}".getBytes(), T0)
                .scheduled(5, NOW.minusSeconds(1));
        Invocation sync = Invocation.accept("s", "hello", 1, Invocation.Mode.SYNC, "{}".getBytes(), T0)
                .scheduled(5, NOW);
        Invocation stillUseful = Invocation.accept("u", "hello", 1, Invocation.Mode.ASYNC, "{}".getBytes(), T0)
                .scheduled(5, NOW.plusSeconds(30));
        leftUnfinished(async, sync, stillUseful);

        recovery.recover();

        assertThat(async.status()).isEqualTo(InvocationStatus.EXPIRED);
        assertThat(sync.status()).isEqualTo(InvocationStatus.EXPIRED);
        assertThat(stillUseful.status()).isEqualTo(InvocationStatus.QUEUED);
        verify(attempts, never()).readmit(same(async), any(), any(), any());
        verify(attempts).readmit(same(stillUseful), eq(TASK), any(), any());
    }
}
