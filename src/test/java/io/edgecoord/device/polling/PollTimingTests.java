package io.edgecoord.device.polling;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.edgecoord.device.ConnectivityStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The poller's scheduling decisions, with time passed in. */
class PollTimingTests {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void theOffsetIsStableAndInsideTheInterval() {
        long offset = PollTiming.offset("thermostat-17", 10 * SECOND);
        assertThat(offset).isEqualTo(PollTiming.offset("thermostat-17", 10 * SECOND)).isBetween(0L, 10 * SECOND - 1);
    }

    @Test
    void offsetsOfSimilarNamesSpreadEvenly() {
        int[] buckets = new int[10];
        for (int i = 0; i < 10_000; i++) {
            buckets[(int) (PollTiming.offset("dev-" + i, 10 * SECOND) / SECOND)]++;
        }
        for (int count : buckets) {
            assertThat(count).isBetween(800, 1200);
        }
    }

    @Test
    void jitterIsTenPercentOfTheIntervalUpToItsCap() {
        assertThat(PollTiming.jitterBound(2 * SECOND, SECOND)).isEqualTo(SECOND / 5);
        assertThat(PollTiming.jitterBound(60 * SECOND, SECOND)).isEqualTo(SECOND);
    }

    @Test
    void theFirstTickIsNowPlusOffsetPlusJitter() {
        long offset = PollTiming.offset("a", 10 * SECOND);
        assertThat(PollTiming.firstTick(1000, "a", 10 * SECOND, SECOND, 0.5)).isEqualTo(1000 + offset + SECOND / 2);
    }

    @Test
    void theNextTickIsAnchoredOnTheScheduledTimeNotOnTheEndOfThePoll() {
        assertThat(PollTiming.next(5 * SECOND, SECOND, 5 * SECOND + SECOND / 3))
            .isEqualTo(new PollTiming.NextTick(6 * SECOND, 0));
    }

    @Test
    void aLateTimerRunsTheOverdueTickOnceWithoutCatchingUp() {
        assertThat(PollTiming.next(5 * SECOND, SECOND, 6 * SECOND + SECOND / 2))
            .isEqualTo(new PollTiming.NextTick(6 * SECOND, 0));
    }

    @Test
    void ticksMissedDuringAPauseAreDroppedAndCountedNeverBurst() {
        assertThat(PollTiming.next(5 * SECOND, SECOND, 9 * SECOND + SECOND / 2))
            .isEqualTo(new PollTiming.NextTick(9 * SECOND, 3));
    }

    @Test
    void recoveryResumesOnTheOriginalGrid() {
        assertThat(PollTiming.nextOnGrid(SECOND / 4, SECOND, 7 * SECOND)).isEqualTo(7 * SECOND + SECOND / 4);
        assertThat(PollTiming.nextOnGrid(SECOND / 4, SECOND, 0)).isEqualTo(SECOND / 4);
    }

    @Test
    void backoffDoublesFromTheIntervalUpToItsCapWithFullJitter() {
        long max = 300 * SECOND;
        assertThat(PollTiming.backoff(0, 10 * SECOND, max, 0.999_999)).isLessThan(10 * SECOND);
        assertThat(PollTiming.backoff(3, 10 * SECOND, max, 0.5)).isEqualTo(40 * SECOND);
        assertThat(PollTiming.backoff(5, 10 * SECOND, max, 0.5)).isEqualTo(150 * SECOND);
        assertThat(PollTiming.backoff(200, 10 * SECOND, max, 0.5)).isEqualTo(150 * SECOND);
        assertThat(PollTiming.backoff(4, 10 * SECOND, max, 0.0)).isZero();
    }

    @Test
    void aTickPollsSkipsOnOverrunOrHandsOfflineDevicesToRecovery() {
        assertThat(PollTiming.decide(ConnectivityStatus.ONLINE, false)).isEqualTo(PollTiming.TickDecision.POLL);
        assertThat(PollTiming.decide(ConnectivityStatus.UNKNOWN, false)).isEqualTo(PollTiming.TickDecision.POLL);
        assertThat(PollTiming.decide(ConnectivityStatus.ONLINE, true)).isEqualTo(PollTiming.TickDecision.SKIP_OVERRUN);
        assertThat(PollTiming.decide(ConnectivityStatus.OFFLINE, false)).isEqualTo(PollTiming.TickDecision.TO_RECOVERY);
    }
}
