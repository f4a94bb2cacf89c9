package io.edgecoord.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunningCallsTests {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final ExecutionRequest REQUEST = new ExecutionRequest("i-1",
            new EnvironmentSpec("hello", 1, "python3.11", "fn.handle", 128, Map.of(), Path.of("/code"), false),
            "{}".getBytes(), Duration.ofSeconds(3));

    private final RunningCalls calls = new RunningCalls(Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<String> heard = new ArrayList<>();
    private final ExecutionListener listener = new ExecutionListener() {
        @Override
        public void acquiring(Instant at) {
            heard.add("acquiring " + at);
        }

        @Override
        public void handedOver(Instant at) {
            heard.add("handed over " + at);
        }

        @Override
        public void started(String environmentId, StartKind startKind, EnvironmentPolicy.Isolation isolation,
                Instant at) {
        }

        @Override
        public void output(String text) {
        }

        @Override
        public void outputClosed() {
        }
    };

    private static ExecutionResult succeeded() {
        return new ExecutionResult(new ExecutionResult.Succeeded("1".getBytes()), "e1", StartKind.WARM, Duration.ZERO);
    }

    @Test
    void aCallIsHeldOnlyWhileItIsExecuted() {
        assertThat(calls.stop("i-1", "late")).isFalse();

        ExecutionResult result = calls.track(REQUEST, listener, () -> {
            calls.handedOver("i-1");
            return succeeded();
        });

        assertThat(result.outcome()).isInstanceOf(ExecutionResult.Succeeded.class);
        assertThat(heard).containsExactly("acquiring " + NOW, "handed over " + NOW);
        assertThat(calls.stop("i-1", "after the end")).isFalse();
    }

    @Test
    void aStopReachesTheRunnerThroughItsFuture() {
        calls.track(REQUEST, listener, () -> {
            assertThat(calls.stop("i-1", "by its client")).isTrue();
            assertThat(calls.stopped("i-1")).isCompletedWithValue("by its client");
            assertThat(calls.stop("i-1", "twice")).isFalse();
            assertThat(calls.end("i-1")).isFalse();
            return succeeded();
        });
    }

    @Test
    void aCallWhoseRunnerEndedFirstCanNoLongerBeStopped() {
        calls.track(REQUEST, listener, () -> {
            assertThat(calls.end("i-1")).isTrue();
            assertThat(calls.stop("i-1", "too late")).isFalse();
            return succeeded();
        });
    }

    @Test
    void aCallStoppedBeforeItReachedARunnerEndsCancelledWhateverItsStartCameTo() {
        ExecutionResult result = calls.track(REQUEST, listener, () -> {
            calls.stop("i-1", "while its environment was made");
            return ExecutionResult.notStarted(new ExecutionResult.CoordinatorFailed("Coordinator.EnvironmentStartFailed",
                    "no image"));
        });

        assertThat(result.outcome()).isEqualTo(new ExecutionResult.Cancelled("while its environment was made"));
    }
}
