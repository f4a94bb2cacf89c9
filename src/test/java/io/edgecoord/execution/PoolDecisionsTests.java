package io.edgecoord.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PoolDecisionsTests {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void expiresEnvironmentsIdleForAtLeastTheKeepAlive() {
        List<PoolDecisions.Idle> idle = List.of(
                new PoolDecisions.Idle("old", "a:1", NOW.minusSeconds(600)),
                new PoolDecisions.Idle("older", "b:1", NOW.minusSeconds(601)),
                new PoolDecisions.Idle("fresh", "a:1", NOW.minusSeconds(599)));

        assertThat(PoolDecisions.expired(idle, NOW, Duration.ofMinutes(10))).containsExactly("old", "older");
    }

    @Test
    void expiresNothingWhenAllAreRecent() {
        List<PoolDecisions.Idle> idle = List.of(new PoolDecisions.Idle("e", "a:1", NOW.minusSeconds(1)));

        assertThat(PoolDecisions.expired(idle, NOW, Duration.ofMinutes(10))).isEmpty();
    }

    @Test
    void evictsTheLeastRecentlyUsedIdleEnvironmentOfAnotherTaskVersion() {
        List<PoolDecisions.Idle> idle = List.of(
                new PoolDecisions.Idle("same-version-oldest", "a:2", NOW.minusSeconds(900)),
                new PoolDecisions.Idle("other-old", "b:1", NOW.minusSeconds(300)),
                new PoolDecisions.Idle("other-older", "a:1", NOW.minusSeconds(400)));

        assertThat(PoolDecisions.evictionCandidate(idle, "a:2")).contains("other-older");
    }

    @Test
    void evictsNothingWhenOnlyTheSameTaskVersionIsIdle() {
        List<PoolDecisions.Idle> idle = List.of(new PoolDecisions.Idle("e", "a:1", NOW));

        assertThat(PoolDecisions.evictionCandidate(idle, "a:1")).isEmpty();
        assertThat(PoolDecisions.evictionCandidate(List.of(), "a:1")).isEmpty();
    }

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
