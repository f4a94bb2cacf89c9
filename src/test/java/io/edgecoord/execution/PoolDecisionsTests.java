package io.edgecoord.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PoolDecisionsTests {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void drainingAnIdleEnvironmentRemovesItNow() {
        assertThat(PoolDecisions.drain(Environment.State.IDLE)).isEqualTo(PoolDecisions.Drain.REMOVED_NOW);
    }

    @Test
    void drainingABusyStartingOrDrainingEnvironmentWaitsForItsInvocation() {
        assertThat(List.of(Environment.State.BUSY, Environment.State.STARTING, Environment.State.DRAINING))
                .allSatisfy(state -> assertThat(PoolDecisions.drain(state))
                        .isEqualTo(PoolDecisions.Drain.AFTER_INVOCATION));
    }

    @Test
    void aBusyEnvironmentGoesBackToThePoolWhenNothingHappenedMeanwhile() {
        assertThat(PoolDecisions.refuseRelease(Environment.State.BUSY, false, true)).isEmpty();
    }

    @Test
    void aDrainingEnvironmentDoesNotGoBackToThePool() {
        assertThat(PoolDecisions.refuseRelease(Environment.State.DRAINING, false, true))
                .contains(EvictionReason.DRAINED);
    }

    @Test
    void anEnvironmentThatExitedDoesNotGoBackEvenWhenDraining() {
        assertThat(PoolDecisions.refuseRelease(Environment.State.DRAINING, true, true))
                .contains(EvictionReason.EXITED);
    }

    @Test
    void anEnvironmentTakenOutAtShutdownDoesNotGoBack() {
        assertThat(PoolDecisions.refuseRelease(Environment.State.DEAD, false, false))
                .contains(EvictionReason.SHUTDOWN);
    }
}
