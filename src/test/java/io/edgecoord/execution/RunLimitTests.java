package io.edgecoord.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RunLimitTests {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void withoutADeadlineTheTimeoutIsTheLimit() {
        RunLimit limit = RunLimit.of(NOW, Duration.ofSeconds(30), null);

        assertThat(limit.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limit.endsAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(limit.byDeadline()).isFalse();
        assertThat(limit.timedOut().deadline()).isNull();
    }

    @Test
    void aDeadlineBeforeTheTimeoutCutsTheRunShort() {
        RunLimit limit = RunLimit.of(NOW, Duration.ofSeconds(30), NOW.plusMillis(1500));

        assertThat(limit.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(limit.endsAt()).isEqualTo(NOW.plusMillis(1500));
        assertThat(limit.byDeadline()).isTrue();
        assertThat(limit.expired()).isFalse();
        assertThat(limit.timedOut()).isEqualTo(new ExecutionResult.TimedOut(Duration.ofMillis(1500),
                NOW.plusMillis(1500)));
    }

    @Test
    void aDeadlineAfterTheTimeoutChangesNothing() {
        RunLimit limit = RunLimit.of(NOW, Duration.ofSeconds(3), NOW.plusSeconds(60));

        assertThat(limit.duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(limit.byDeadline()).isFalse();
    }

    @Test
    void aDeadlineThatHasPassedLeavesNoTimeToRun() {
        assertThat(RunLimit.of(NOW, Duration.ofSeconds(3), NOW).expired()).isTrue();
        assertThat(RunLimit.of(NOW, Duration.ofSeconds(3), NOW.minusSeconds(1)).expired()).isTrue();
    }
}
