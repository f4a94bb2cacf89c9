package io.edgecoord.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MetricsSampleTests {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final double[] BOUNDS = { 10, 100, 1000 };

    private static MeterReading reading(int secondsLater, double ended, double failed, double cold,
            double[] counts, double queue) {
        return new MeterReading(T0.plusSeconds(secondsLater), ended, failed, cold, BOUNDS, counts, queue, 1, 256, 1024);
    }

    @Test
    void ratesAreWhatEndedInTheIntervalPerSecondAndTheShareThatFailed() {
        MetricsSample sample = MetricsSample.between(reading(0, 100, 10, 3, new double[] { 50, 90, 100 }, 0),
                reading(5, 150, 20, 5, new double[] { 70, 140, 150 }, 4));

        assertThat(sample.invocationsPerSecond()).isEqualTo(10.0);
        assertThat(sample.errorRate()).isCloseTo(0.2, within(1e-9));
        assertThat(sample.coldStarts()).isEqualTo(2);
        assertThat(sample.queueDepth()).isEqualTo(4);
        assertThat(sample.budgetUsed()).isEqualTo(0.25);
        assertThat(sample.at()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void percentilesAreTheBucketBoundsOfTheIntervalsCallsNotOfAllTime() {
        // 50 calls in the interval: 20 under 10 ms, 30 between 100 ms and 1 s; none of all time counts.
        MetricsSample sample = MetricsSample.between(reading(0, 100, 0, 0, new double[] { 100, 100, 100 }, 0),
                reading(5, 150, 0, 0, new double[] { 120, 120, 150 }, 0));

        assertThat(sample.p50Ms()).isEqualTo(1000.0);
        assertThat(sample.p99Ms()).isEqualTo(1000.0);
        assertThat(MetricsSample.percentile(BOUNDS, new double[] { 20, 20, 50 }, 0.4)).isEqualTo(10.0);
    }

    @Test
    void anIdleIntervalHasNoPercentilesAndNoErrors() {
        MetricsSample sample = MetricsSample.between(reading(0, 7, 1, 0, new double[] { 7, 7, 7 }, 0),
                reading(5, 7, 1, 0, new double[] { 7, 7, 7 }, 0));

        assertThat(sample.invocationsPerSecond()).isZero();
        assertThat(sample.errorRate()).isZero();
        assertThat(sample.p50Ms()).isNull();
        assertThat(sample.p99Ms()).isNull();
    }

    @Test
    void historyKeepsOnlyTheLastSamplesAndTellsListeners() {
        int[] read = { 0 };
        MetricsHistory history = new MetricsHistory(() -> {
            int i = read[0]++;
            return reading(i * 5, i * 10, 0, 0, new double[0], i);
        }, 3);
        List<MetricsSample> heard = new ArrayList<>();
        Runnable stop = history.listen(heard::add);

        for (int i = 0; i < 5; i++) {
            history.sample();
        }
        stop.run();
        history.sample();

        assertThat(history.samples()).extracting(MetricsSample::queueDepth).containsExactly(3.0, 4.0, 5.0);
        assertThat(heard).hasSize(4);
    }
}
