package io.edgecoord.device.polling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.edgecoord.device.DeviceSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real poller against simulated HTTP devices: a fixed rate that does not drift, skipped
 * overruns, and a staggered start. Assertions are structural (grids, counts, spreads), with
 * tolerances far above scheduling noise; they never assert speed.
 */
class DevicePollerCadenceIntegrationTests {

    @Test
    void pollsAtAFixedRateThatDoesNotDriftWithThePollsDuration() throws Exception {
        try (PollingHarness harness = new PollingHarness()) {
            Duration interval = Duration.ofMillis(250);
            harness.simulator.device("steady").latency(Duration.ofMillis(75));
            harness.add("steady", interval, Duration.ofMillis(200));
            await().atMost(10, TimeUnit.SECONDS).until(() -> harness.simulator.requests("steady").size() >= 16);
            List<Long> starts = harness.simulator.requests("steady").stream().map(DeviceSimulator.Request::startNanos)
                .sorted().toList();
            long period = interval.toNanos();
            // Residual of each start against its slot on the grid: a drifting schedule (next = end + interval)
            // would add the 75 ms poll time at every tick, 1.1 s over 16 ticks.
            List<Long> residuals = java.util.stream.IntStream.range(0, 16)
                .mapToObj((i) -> starts.get(i) - starts.get(0) - i * period)
                .toList();
            long spread = residuals.stream().mapToLong(Long::longValue).max().orElseThrow()
                    - residuals.stream().mapToLong(Long::longValue).min().orElseThrow();
            assertThat(spread).isLessThan(period);
            assertThat(harness.polls(PollResult.SKIPPED_OVERRUN)).isZero();
        }
    }

    @Test
    void skipsTicksThatComeWhileThePreviousPollStillRuns() throws Exception {
        try (PollingHarness harness = new PollingHarness()) {
            harness.simulator.device("slow").latency(Duration.ofMillis(450));
            // Registration refuses timeout >= interval, but slow bodies, link waits and multi-resource polls can
            // still outlast an interval; a timeout above the interval stands for all of them here.
            harness.add("slow", Duration.ofMillis(200), Duration.ofSeconds(1));
            await().atMost(10, TimeUnit.SECONDS).until(() -> harness.polls(PollResult.SKIPPED_OVERRUN) >= 3
                    && harness.simulator.requests("slow").size() >= 3);
            assertThat(harness.simulator.device("slow").maxInFlight.get()).isEqualTo(1);
        }
    }

    @Test
    void spreadsTheFirstPollsOfAThousandDevicesOverTheInterval() throws Exception {
        try (PollingHarness harness = new PollingHarness()) {
            // Long enough that registering 1,000 devices and a busy machine's pauses stay small
            // next to one bucket (a tenth of the interval).
            Duration interval = Duration.ofSeconds(5);
            long registeredAt = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                harness.add(String.format("meter-%04d", i), interval, Duration.ofSeconds(1));
            }
            await().atMost(20, TimeUnit.SECONDS).until(() -> firstPolls(harness).size() == 1000);
            // Ten buckets over the interval, plus the jitter's tail (10 % of the interval) in an eleventh.
            int[] buckets = new int[11];
            long width = interval.toNanos() / 10;
            for (long start : firstPolls(harness)) {
                buckets[(int) Math.min(10, (start - registeredAt) / width)]++;
            }
            double mean = 1000.0 / 10;
            for (int count : buckets) {
                assertThat(count).isLessThanOrEqualTo((int) (2 * mean));
            }
            assertThat(buckets[0] + buckets[1] + buckets[2]).isLessThan(500);
        }
    }

    private static List<Long> firstPolls(PollingHarness harness) {
        return harness.simulator.requests()
            .stream()
            .collect(java.util.stream.Collectors.toMap(DeviceSimulator.Request::device,
                    DeviceSimulator.Request::startNanos, Math::min))
            .values()
            .stream()
            .toList();
    }
}
