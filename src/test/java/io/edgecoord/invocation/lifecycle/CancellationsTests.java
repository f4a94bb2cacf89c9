package io.edgecoord.invocation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.InvocationNotCancellableException;
import io.edgecoord.invocation.InvocationNotFoundException;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationStore;
import io.edgecoord.scheduler.Scheduler.Cancellation;
import io.edgecoord.scheduler.Scheduler;

class CancellationsTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private final Scheduler scheduler = mock(Scheduler.class);
    private final AttemptScheduler attempts = mock(AttemptScheduler.class);
    private final InvocationStore store = mock(InvocationStore.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Duration> pauses = new ArrayList<>();
    private final Cancellations cancellations = new Cancellations(scheduler, attempts, store,
            new InvocationMetrics(meters), pauses::add, java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));

    private Invocation stored(InvocationStatus status) {
        Invocation invocation = Invocation.accept("i-1", "hello", 1, Invocation.Mode.ASYNC, "{}".getBytes(), T0);
        if (status != InvocationStatus.QUEUED) {
            invocation.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);
        }
        switch (status) {
            case SUCCEEDED -> invocation.succeed("1".getBytes(), Duration.ZERO, T0.plusSeconds(1));
            case CANCELLED -> invocation.cancel("earlier", Duration.ZERO, T0.plusSeconds(1));
            default -> { }
        }
        given(store.find("i-1")).willReturn(Optional.of(invocation));
        given(scheduler.cancel("i-1", Cancellations.REASON)).willReturn(Cancellation.UNKNOWN);
        return invocation;
    }

    private double cancelled(String where) {
        var counter = meters.find("edgecoord.invocations.cancelled").tag("where", where).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aQueuedCallIsTakenOutOfTheQueue() throws Exception {
        stored(InvocationStatus.QUEUED);
        given(scheduler.cancel("i-1", Cancellations.REASON)).willReturn(Cancellation.DEQUEUED);

        assertThat(cancellations.cancel("i-1").where()).isEqualTo("queued");
        assertThat(cancelled("queued")).isEqualTo(1);
    }

    @Test
    void aRunningCallIsStopped() throws Exception {
        stored(InvocationStatus.RUNNING);
        given(scheduler.cancel("i-1", Cancellations.REASON)).willReturn(Cancellation.STOPPING);

        Cancellations.Cancelled cancelled = cancellations.cancel("i-1");

        assertThat(cancelled.where()).isEqualTo("running");
        org.mockito.Mockito.verify(store).requestCancel("i-1", T0);
        assertThat(cancelled.invocation().status()).isEqualTo(InvocationStatus.RUNNING);
        assertThat(cancelled("running")).isEqualTo(1);
    }

    @Test
    void aRetryWaitingForItsBackOffIsDroppedWithoutAskingTheScheduler() throws Exception {
        stored(InvocationStatus.QUEUED);
        given(attempts.cancelWaiting("i-1", Cancellations.REASON)).willReturn(true);

        assertThat(cancellations.cancel("i-1").where()).isEqualTo("retry-wait");
        verify(scheduler, never()).cancel(any(), any());
    }

    @Test
    void aCallChangingHandsIsLookedForAgainUntilItIsFound() throws Exception {
        stored(InvocationStatus.QUEUED);
        given(scheduler.cancel("i-1", Cancellations.REASON))
                .willReturn(Cancellation.UNKNOWN, Cancellation.UNKNOWN, Cancellation.STOPPING);

        assertThat(cancellations.cancel("i-1").where()).isEqualTo("running");
        assertThat(pauses).containsExactly(Cancellations.PAUSE, Cancellations.PAUSE);
    }

    @Test
    void aCallFoundNowhereForTooLongIsAConflict() {
        stored(InvocationStatus.RUNNING);

        assertThatThrownBy(() -> cancellations.cancel("i-1")).isInstanceOf(InvocationNotCancellableException.class);
        verify(scheduler, times(Cancellations.TRIES)).cancel("i-1", Cancellations.REASON);
    }

    @Test
    void aCallAlreadyCancelledIsAnsweredAsItIs() throws Exception {
        stored(InvocationStatus.CANCELLED);

        Cancellations.Cancelled cancelled = cancellations.cancel("i-1");

        assertThat(cancelled.where()).isNull();
        assertThat(cancelled.invocation().status()).isEqualTo(InvocationStatus.CANCELLED);
        verify(scheduler, never()).cancel(any(), any());
    }

    @Test
    void aCallThatEndedOtherwiseCannotBeCancelled() {
        stored(InvocationStatus.SUCCEEDED);

        assertThatThrownBy(() -> cancellations.cancel("i-1"))
                .isInstanceOf(InvocationNotCancellableException.class)
                .hasMessageContaining("SUCCEEDED");
        verify(scheduler, never()).cancel(any(), any());
    }

    @Test
    void anUnknownInvocationIsNotFound() {
        given(store.find("zzz")).willReturn(Optional.empty());

        assertThatThrownBy(() -> cancellations.cancel("zzz")).isInstanceOf(InvocationNotFoundException.class);
    }
}
