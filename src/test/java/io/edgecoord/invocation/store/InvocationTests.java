package io.edgecoord.invocation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.lifecycle.RetryPolicy;

class InvocationTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private Invocation queued() {
        return Invocation.accept("id-1", "hello", 3, Invocation.Mode.SYNC, "{}".getBytes(), T0);
    }

    @Test
    void anAcceptedInvocationIsQueued() {
        Invocation invocation = queued();

        assertThat(invocation.status()).isEqualTo(InvocationStatus.QUEUED);
        assertThat(invocation.acceptedAt()).isEqualTo(T0);
        assertThat(invocation.isNew()).isTrue();
    }

    @Test
    void runsThenSucceedsWithItsTimings() {
        Invocation invocation = queued();
        invocation.start("e1", StartKind.COLD, EnvironmentPolicy.Isolation.CONTAINER, T0.plusMillis(5));
        invocation.succeed("42".getBytes(), Duration.ofMillis(300), T0.plusMillis(400));

        assertThat(invocation.status()).isEqualTo(InvocationStatus.SUCCEEDED);
        assertThat(invocation.environmentId()).isEqualTo("e1");
        assertThat(invocation.startKind()).isEqualTo(StartKind.COLD);
        assertThat(invocation.initDurationMs()).isEqualTo(300);
        assertThat(invocation.finishedAt()).isEqualTo(T0.plusMillis(400));
        assertThat(invocation.result()).asString().isEqualTo("42");
    }

    @Test
    void aTimeoutIsTheFunctionsFault() {
        Invocation invocation = queued();
        invocation.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);
        invocation.timeOut(Duration.ofSeconds(3), Duration.ZERO, T0.plusSeconds(3));

        assertThat(invocation.status()).isEqualTo(InvocationStatus.TIMED_OUT);
        assertThat(invocation.errorSource()).isEqualTo(ErrorSource.FUNCTION);
        assertThat(invocation.errorMessage()).contains("3.0 seconds");
        assertThat(invocation.initDurationMs()).isNull();
    }

    @Test
    void canFailBeforeItEverStarted() {
        Invocation invocation = queued();
        invocation.fail(ErrorSource.COORDINATOR, "Coordinator.ExecutionUnavailable", "engine down", null,
                Duration.ZERO, T0);

        assertThat(invocation.status()).isEqualTo(InvocationStatus.FAILED);
        assertThat(invocation.startedAt()).isNull();
    }

    @Test
    void refusesTransitionsTheLifecycleDoesNotAllow() {
        Invocation invocation = queued();
        assertThatThrownBy(() -> invocation.succeed(new byte[0], Duration.ZERO, T0))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("QUEUED to SUCCEEDED");

        invocation.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);
        invocation.succeed(new byte[0], Duration.ZERO, T0);
        assertThatThrownBy(() -> invocation.start("e2", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> invocation.fail(ErrorSource.FUNCTION, "x", "y", null, Duration.ZERO, T0))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void keepsLongErrorMessagesWithinTheColumn() {
        Invocation invocation = queued();
        invocation.fail(ErrorSource.FUNCTION, "E", "x".repeat(10_000), null, Duration.ZERO, T0);

        assertThat(invocation.errorMessage()).hasSize(4096);
    }

    @Test
    void onlyAFailedAsynchronousCallCanWaitForARetryOrBeDeadLettered() {
        Invocation sync = Invocation.accept("s", "hello", 1, Invocation.Mode.SYNC, "{}".getBytes(), T0);
        sync.fail(ErrorSource.FUNCTION, "ValueError", "boom", null, Duration.ZERO, T0);
        Invocation succeeded = Invocation.accept("a", "hello", 1, Invocation.Mode.ASYNC, "{}".getBytes(), T0);
        succeeded.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);
        succeeded.succeed("1".getBytes(), Duration.ZERO, T0);

        assertThatThrownBy(() -> sync.retryAt(T0.plusSeconds(1))).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> sync.deadLetter(RetryPolicy.RETRIES_EXHAUSTED, T0))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> succeeded.retryAt(T0.plusSeconds(1))).isInstanceOf(IllegalTransitionException.class);
        assertThat(InvocationStatus.DEAD_LETTERED.isFinal()).isTrue();
    }

    @Test
    void aQueuedOrRunningCallCanBeCancelledAndNamesWhereItWas() {
        Invocation queued = queued();
        queued.cancel("by its client", Duration.ZERO, T0.plusSeconds(1));
        Invocation running = queued();
        running.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);
        running.cancel("by its client", Duration.ZERO, T0.plusSeconds(2));

        assertThat(queued.status()).isEqualTo(InvocationStatus.CANCELLED);
        assertThat(queued.status().isFinal()).isTrue();
        assertThat(queued.errorType()).isEqualTo("Coordinator.Cancelled");
        assertThat(queued.errorMessage()).isEqualTo("cancelled while queued: by its client");
        assertThat(running.errorMessage()).isEqualTo("cancelled while running: by its client");
        assertThat(running.finishedAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void anEndedCallCannotBeCancelledOrExpired() {
        Invocation invocation = queued();
        invocation.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);
        invocation.succeed("1".getBytes(), Duration.ZERO, T0.plusSeconds(1));

        assertThatThrownBy(() -> invocation.cancel("late", Duration.ZERO, T0.plusSeconds(2)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> invocation.expire(T0, Duration.ZERO, T0.plusSeconds(2)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aCallWhoseDeadlinePassedBeforeItRanExpires() {
        Invocation invocation = queued().scheduled(2, T0.plusSeconds(1));

        invocation.expire(invocation.deadlineAt(), Duration.ZERO, T0.plusSeconds(1));

        assertThat(invocation.status()).isEqualTo(InvocationStatus.EXPIRED);
        assertThat(invocation.priority()).isEqualTo(2);
        assertThat(invocation.errorType()).isEqualTo("Coordinator.DeadlineExpired");
        assertThat(invocation.errorMessage()).contains("2026-11-27T12:00:01Z");
    }

    @Test
    void aTimeoutSetByTheCallersDeadlineSaysSo() {
        Invocation invocation = queued();
        invocation.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);

        invocation.timeOut(Duration.ofMillis(1500), T0.plusMillis(1500), Duration.ZERO, T0.plusMillis(1500));

        assertThat(invocation.status()).isEqualTo(InvocationStatus.TIMED_OUT);
        assertThat(invocation.errorMessage())
                .isEqualTo("Task timed out after 1.5 seconds: its caller's deadline 2026-11-27T12:00:01.500Z passed");
    }

    @Test
    void aRetryForgetsTheStepsOfTheAttemptBefore() {
        Invocation invocation = Invocation.accept("id-2", "hello", 3, Invocation.Mode.ASYNC, "{}".getBytes(), T0);
        invocation.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);
        invocation.attemptSteps(T0.plusMillis(1), T0.plusMillis(2));
        invocation.fail(ErrorSource.FUNCTION, "ValueError", "boom", null, Duration.ZERO, T0.plusSeconds(1));

        invocation.retryAt(T0.plusSeconds(2));

        assertThat(invocation.dispatchedAt()).isNull();
        assertThat(invocation.handedOverAt()).isNull();
    }
}
