package io.edgecoord.execution;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentLife.Busy;
import io.edgecoord.execution.EnvironmentLife.Dead;
import io.edgecoord.execution.EnvironmentLife.Draining;
import io.edgecoord.execution.EnvironmentLife.Drain;
import io.edgecoord.execution.EnvironmentLife.Idle;
import io.edgecoord.execution.EnvironmentLife.Prewarming;
import io.edgecoord.execution.EnvironmentLife.Starting;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentLifeTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private static final Instant LATER = T0.plusSeconds(30);

    @Test
    void drainingAnIdleEnvironmentRemovesItNow() {
        assertThat(new Idle(T0, false).drain()).isEqualTo(Drain.REMOVED_NOW);
        assertThat(new Idle(T0, false).drained()).isEqualTo(new Dead(T0));
    }

    @Test
    void drainingABusyStartingOrDrainingEnvironmentWaitsForItsInvocation() {
        assertThat(List.of(new Busy(T0, false), new Starting(T0), new Prewarming(T0), new Draining(T0, false)))
                .allSatisfy(life -> assertThat(life.drain()).isEqualTo(Drain.AFTER_INVOCATION));
        assertThat(new Busy(T0, true).drained()).isEqualTo(new Draining(T0, true));
    }

    @Test
    void aBusyEnvironmentGoesBackToThePoolWhenNothingHappenedMeanwhile() {
        assertThat(new Busy(T0, false).refuseRelease(false, true)).isEmpty();
        assertThat(new Busy(T0, true).released(LATER)).isEqualTo(new Idle(LATER, false));
    }

    @Test
    void anEnvironmentWhoseLeaseIsGivenBackIsIdleAgainAndStillPrewarmed() {
        assertThat(new Idle(T0, true).claim(LATER).orElseThrow().givenBack()).isEqualTo(new Idle(LATER, true));
    }

    @Test
    void aDrainingEnvironmentDoesNotGoBackToThePool() {
        assertThat(new Draining(T0, false).refuseRelease(false, true)).contains(EvictionReason.DRAINED);
    }

    @Test
    void anEnvironmentThatExitedDoesNotGoBackEvenWhenDraining() {
        assertThat(new Draining(T0, false).refuseRelease(true, true)).contains(EvictionReason.EXITED);
    }

    @Test
    void anEnvironmentTakenOutAtShutdownDoesNotGoBack() {
        assertThat(new Dead(T0).refuseRelease(false, false)).contains(EvictionReason.SHUTDOWN);
    }

    @Test
    void onlyAnIdleEnvironmentCanBeClaimedAndItKeepsBeingPrewarmedForItsFirstCall() {
        assertThat(new Idle(T0, true).claim(LATER)).contains(new Busy(LATER, true));
        assertThat(List.of(new Busy(T0, false), new Starting(T0), new Prewarming(T0), new Draining(T0, false),
                new Dead(T0))).allSatisfy(life -> assertThat(life.claim(LATER)).isEmpty());
    }

    @Test
    void aNewEnvironmentTakingItsFirstCallIsBusyUnlessItWasDrainedWhileItStarted() {
        assertThat(new Starting(T0).started()).isEqualTo(new Busy(T0, false));
        assertThat(new Draining(T0, false).started()).isEqualTo(new Draining(T0, false));
    }

    @Test
    void aPrewarmedEnvironmentIsIdleAndPrewarmedOnceReadyUnlessDrainedMeanwhile() {
        assertThat(new Prewarming(T0).ready(LATER)).contains(new Idle(LATER, true));
        assertThat(new Draining(T0, true).ready(LATER)).isEmpty();
    }

    @Test
    void cpuIsHeldWhileStartingForACallOrRunningOneButNotWhileIdleOrPrewarming() {
        assertThat(List.of(new Starting(T0), new Busy(T0, false), new Draining(T0, false)))
                .allSatisfy(life -> assertThat(life.holdsCpu()).isTrue());
        assertThat(List.of(new Idle(T0, false), new Prewarming(T0)))
                .allSatisfy(life -> assertThat(life.holdsCpu()).isFalse());
    }

    @Test
    void usersSeePrewarmingAsStarting() {
        assertThat(new Prewarming(T0).name()).isEqualTo("STARTING");
        assertThat(new Prewarming(T0).prewarmed()).isTrue();
    }
}
