package io.edgecoord.invocation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.unit.DataSize;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.ExecutionResult;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.api.InvocationResponse;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationStore;

class RecordingObserverTests {

    private final InvocationStore store = mock(InvocationStore.class);
    private final LiveLogs liveLogs = new LiveLogs(
            InvocationProperties.of(DataSize.ofMegabytes(6), DataSize.ofKilobytes(64), Duration.ofSeconds(1)));
    private final CompletableFuture<String> output = new CompletableFuture<>();
    private final RecordingObserver observer = new RecordingObserver("i-1", store, liveLogs,
            new InvocationMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), new CompletableFuture<>(), output,
            InvocationProperties.of(DataSize.ofMegabytes(6), DataSize.ofKilobytes(64), Duration.ofSeconds(1)).retryPolicy(),
            retried -> { }, false, write -> { });

    @Test
    void theOutputCompletesWithEverythingPrintedOnceItIsClosedAndStored() {
        observer.output("START\n");
        observer.output("hello\n");
        assertThat(output).isNotDone();

        observer.outputClosed();

        assertThat(output).isCompletedWithValue("START\nhello\n");
        assertThat(liveLogs.find("i-1")).isEmpty();
        verify(store).saveLog("i-1", "START\nhello\n", false);
    }

    @Test
    void theOutputCompletesEvenWhenItCouldNotBeStored() {
        willThrow(new IllegalStateException("disk full")).given(store)
                .saveLog("i-1", "", false);

        observer.outputClosed();

        assertThat(output).isCompletedWithValue("");
    }

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private final CompletableFuture<Invocation> done = new CompletableFuture<>();
    private final List<Invocation> retried = new ArrayList<>();
    private final List<Runnable> later = new ArrayList<>();

    private RecordingObserver attemptOf(Invocation record, Instant now) {
        given(store.writable()).willReturn(true);
        given(store.update(eq(record.id()), any())).willAnswer(call -> {
            call.<Consumer<Invocation>>getArgument(1).accept(record);
            return record;
        });
        record.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, now.minusMillis(5));
        return new RecordingObserver(record.id(), store, liveLogs, new InvocationMetrics(new SimpleMeterRegistry()),
                Clock.fixed(now, ZoneOffset.UTC), done, new CompletableFuture<>(),
                new RetryPolicy(2, Duration.ofHours(6), Duration.ofSeconds(1), Duration.ofMinutes(5)), retried::add, false, later::add);
    }

    private static ExecutionResult functionFailed() {
        return new ExecutionResult(new ExecutionResult.FunctionFailed("ValueError", "boom", null), "e1",
                StartKind.WARM, Duration.ZERO);
    }

    private static Invocation accepted(Invocation.Mode mode) {
        return Invocation.accept("i-2", "hello", 1, mode, "{}".getBytes(), T0);
    }

    @Test
    void aFailedAttemptOfAnAsynchronousCallIsQueuedAgainAfterItsBackOffKeepingItsError() {
        Invocation record = accepted(Invocation.Mode.ASYNC);

        attemptOf(record, T0.plusSeconds(1)).finished(functionFailed());

        assertThat(record.status()).isEqualTo(InvocationStatus.QUEUED);
        assertThat(record.attempt()).isEqualTo(2);
        assertThat(record.queuedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(record.errorType()).isEqualTo("ValueError");
        assertThat(record.startedAt()).isNull();
        assertThat(retried).containsExactly(record);
        assertThat(done).isNotDone();
    }

    @Test
    void anAsynchronousCallWhoseThirdAttemptFailsIsDeadLettered() {
        Invocation record = accepted(Invocation.Mode.ASYNC);
        attemptOf(record, T0.plusSeconds(1)).finished(functionFailed());
        attemptOf(record, T0.plusSeconds(3)).finished(functionFailed());

        attemptOf(record, T0.plusSeconds(8)).finished(functionFailed());

        assertThat(record.status()).isEqualTo(InvocationStatus.DEAD_LETTERED);
        assertThat(record.attempt()).isEqualTo(3);
        assertThat(record.deadLetterReason()).isEqualTo(RetryPolicy.RETRIES_EXHAUSTED);
        assertThat(record.finishedAt()).isEqualTo(T0.plusSeconds(8));
        assertThat(retried).hasSize(2);
        assertThat(done).isCompletedWithValue(record);
    }

    @Test
    void aRetryThatSucceedsClearsTheErrorOfTheAttemptBefore() {
        Invocation record = accepted(Invocation.Mode.ASYNC);
        attemptOf(record, T0.plusSeconds(1)).finished(functionFailed());

        attemptOf(record, T0.plusSeconds(3)).finished(new ExecutionResult(
                new ExecutionResult.Succeeded("1".getBytes()), "e1", StartKind.WARM, Duration.ZERO));

        assertThat(record.status()).isEqualTo(InvocationStatus.SUCCEEDED);
        assertThat(record.attempt()).isEqualTo(2);
        assertThat(record.errorType()).isNull();
        assertThat(done).isCompletedWithValue(record);
    }

    @Test
    void theEndOfAnAttemptIsWrittenAgainLaterWhileTheDatabaseIsAway() {
        Invocation record = accepted(Invocation.Mode.ASYNC);
        RecordingObserver attempt = attemptOf(record, T0.plusSeconds(1));
        willThrow(new CannotCreateTransactionException("no connection")).willAnswer(call -> {
            call.<Consumer<Invocation>>getArgument(1).accept(record);
            return record;
        }).given(store).update(eq(record.id()), any());

        attempt.finished(new ExecutionResult(new ExecutionResult.Succeeded("1".getBytes()), "e1", StartKind.WARM,
                Duration.ZERO));

        assertThat(record.status()).isEqualTo(InvocationStatus.RUNNING);
        assertThat(done).isNotDone();
        assertThat(later).hasSize(1);
        later.getFirst().run();
        assertThat(record.status()).isEqualTo(InvocationStatus.SUCCEEDED);
        assertThat(done).isCompletedWithValue(record);
    }

    @Test
    void anAsynchronousAttemptsEndWaitsWhileRecordsCannotBeWrittenSoNoRetryIsSpent() {
        Invocation record = accepted(Invocation.Mode.ASYNC);
        RecordingObserver attempt = attemptOf(record, T0.plusSeconds(1));
        given(store.writable()).willReturn(false);

        attempt.finished(functionFailed());

        assertThat(record.status()).isEqualTo(InvocationStatus.RUNNING);
        assertThat(retried).isEmpty();
        assertThat(later).hasSize(1);
        given(store.writable()).willReturn(true);
        later.getFirst().run();
        assertThat(record.status()).isEqualTo(InvocationStatus.QUEUED);
        assertThat(retried).containsExactly(record);
    }

    @Test
    void aFailedSynchronousCallIsNeverRetried() {
        Invocation record = accepted(Invocation.Mode.SYNC);

        attemptOf(record, T0.plusSeconds(1)).finished(functionFailed());

        assertThat(record.status()).isEqualTo(InvocationStatus.FAILED);
        assertThat(record.attempt()).isEqualTo(1);
        assertThat(retried).isEmpty();
        assertThat(done).isCompletedWithValue(record);
    }

    @Test
    void aCancelledAsynchronousCallEndsCancelledAndIsNeverRetried() {
        Invocation record = accepted(Invocation.Mode.ASYNC);

        attemptOf(record, T0.plusSeconds(1)).finished(new ExecutionResult(
                new ExecutionResult.Cancelled("by its client"), "e1", StartKind.WARM, Duration.ZERO));

        assertThat(record.status()).isEqualTo(InvocationStatus.CANCELLED);
        assertThat(record.deadLetterReason()).isNull();
        assertThat(retried).isEmpty();
        assertThat(done).isCompletedWithValue(record);
    }

    @Test
    void anExpiredAsynchronousCallEndsExpiredAndIsNeverRetried() {
        Invocation record = accepted(Invocation.Mode.ASYNC).scheduled(5, T0);

        attemptOf(record, T0.plusSeconds(1)).finished(
                ExecutionResult.notStarted(new ExecutionResult.Expired(T0)));

        assertThat(record.status()).isEqualTo(InvocationStatus.EXPIRED);
        assertThat(retried).isEmpty();
        assertThat(done).isCompletedWithValue(record);
    }

    @Test
    void anAsynchronousCallIsNotRetriedWhenItsDeadlineComesBeforeTheRetry() {
        Invocation record = accepted(Invocation.Mode.ASYNC).scheduled(5, T0.plusMillis(1500));

        attemptOf(record, T0.plusSeconds(1)).finished(new ExecutionResult(
                new ExecutionResult.TimedOut(Duration.ofMillis(1000), T0.plusMillis(1500)), "e1", StartKind.WARM,
                Duration.ZERO));

        assertThat(record.status()).isEqualTo(InvocationStatus.TIMED_OUT);
        assertThat(record.errorMessage()).contains("deadline");
        assertThat(retried).isEmpty();
        assertThat(done).isCompletedWithValue(record);
    }

    @Test
    void anAsynchronousCallIsRetriedWhenItsDeadlineLeavesRoomForTheRetry() {
        Invocation record = accepted(Invocation.Mode.ASYNC).scheduled(5, T0.plusSeconds(60));

        attemptOf(record, T0.plusSeconds(1)).finished(functionFailed());

        assertThat(record.status()).isEqualTo(InvocationStatus.QUEUED);
        assertThat(retried).containsExactly(record);
    }

    @Test
    void recordsWhenTheAttemptWasTakenAndHandedOverWithItsEnd() {
        Invocation record = accepted(Invocation.Mode.SYNC);
        RecordingObserver attempt = attemptOf(record, T0.plusSeconds(1));
        attempt.acquiring(T0.plusMillis(100));
        attempt.handedOver(T0.plusMillis(400));

        attempt.finished(new ExecutionResult(new ExecutionResult.Succeeded("1".getBytes()), "e1", StartKind.PREWARMED,
                Duration.ZERO));

        assertThat(record.dispatchedAt()).isEqualTo(T0.plusMillis(100));
        assertThat(record.handedOverAt()).isEqualTo(T0.plusMillis(400));
        assertThat(InvocationResponse.queuedMs(record)).isEqualTo(100);
        assertThat(InvocationResponse.runMs(record)).isEqualTo(600);
    }
}
