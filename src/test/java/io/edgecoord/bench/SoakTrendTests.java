package io.edgecoord.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SoakTrendTests {

    private static final List<Double> MINUTES = IntStream.range(0, 20).mapToObj(i -> i * 60.0).toList();

    @Test
    void aSteadyLeakGrowsAlthoughItIsSmallBesideTheMean() {
        List<Double> heap = IntStream.range(0, 20).mapToObj(i -> 100.0 + 0.5 * i).toList();

        SoakTrend trend = SoakTrend.of(MINUTES, heap, 1);

        assertThat(trend.slopePerMinute()).isCloseTo(0.5, within(1e-9));
        assertThat(trend.growth()).isCloseTo(9.5, within(1e-9));
        assertThat(trend.flat()).isFalse();
    }

    @Test
    void noiseAroundALevelIsFlat() {
        List<Double> latency = IntStream.range(0, 20).mapToObj(i -> i % 2 == 0 ? 40.0 : 70.0).toList();

        assertThat(SoakTrend.of(MINUTES, latency, 1).flat()).isTrue();
    }

    @Test
    void oneStepOfOneUnitInACountThatNeverMovesIsFlat() {
        List<Double> threads = IntStream.range(0, 20).mapToObj(i -> i < 10 ? 32.0 : 33.0).toList();

        assertThat(SoakTrend.of(MINUTES, threads, 1).flat()).isTrue();
    }

    @Test
    void aShrinkingSeriesIsFlat() {
        List<Double> files = IntStream.range(0, 20).mapToObj(i -> 500.0 - 10 * i).toList();

        assertThat(SoakTrend.of(MINUTES, files, 1).flat()).isTrue();
    }

    @Test
    void aSeriesThatStaysAtZeroIsFlat() {
        List<Double> queue = IntStream.range(0, 20).mapToObj(i -> 0.0).toList();

        SoakTrend trend = SoakTrend.of(MINUTES, queue, 1);

        assertThat(trend.growth()).isZero();
        assertThat(trend.flat()).isTrue();
    }
}
