package io.edgecoord.dashboard;

import java.time.Duration;
import java.time.Instant;

/**
 * What happened between two readings, as the charts show it.
 *
 * @param at the end of the interval
 * @param invocationsPerSecond invocations ended per second
 * @param errorRate the share of them that did not succeed, 0 to 1 (0 when none ended)
 * @param p50Ms the median duration, from the histogram's bounds, or {@code null} when none ended
 * @param p99Ms the 99th percentile, likewise
 * @param coldStarts invocations in the interval that needed a new environment
 * @param queueDepth calls waiting at its end
 * @param running calls running at its end
 * @param budgetUsed the share of the memory budget reserved at its end, 0 to 1
 */
record MetricsSample(Instant at, double invocationsPerSecond, double errorRate, Double p50Ms, Double p99Ms,
        double coldStarts, double queueDepth, double running, double budgetUsed) {

    /** The sample for the interval from {@code before} to {@code after}: a pure function of the two. */
    static MetricsSample between(MeterReading before, MeterReading after) {
        double seconds = Math.max(Duration.between(before.at(), after.at()).toMillis(), 1) / 1000.0;
        double ended = Math.max(after.invocations() - before.invocations(), 0);
        double failed = Math.max(after.failures() - before.failures(), 0);
        double[] counts = new double[after.bucketCounts().length];
        boolean sameBuckets = before.bucketCounts().length == counts.length;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = after.bucketCounts()[i] - (sameBuckets ? before.bucketCounts()[i] : 0);
        }
        double budget = after.memoryTotal() > 0 ? after.memoryUsed() / after.memoryTotal() : 0;
        return new MetricsSample(after.at(), ended / seconds, ended > 0 ? failed / ended : 0,
                percentile(after.bucketsMs(), counts, 0.50), percentile(after.bucketsMs(), counts, 0.99),
                Math.max(after.coldStarts() - before.coldStarts(), 0), after.queueDepth(), after.running(), budget);
    }

    /**
     * The smallest bound under which at least {@code q} of the interval's calls fell, or
     * {@code null} when none fell in any bucket. As Prometheus's histogram_quantile, but without
     * interpolation: the answer is an upper bound, never an invention.
     */
    static Double percentile(double[] boundsMs, double[] cumulative, double q) {
        if (cumulative.length == 0 || cumulative[cumulative.length - 1] <= 0) {
            return null;
        }
        double wanted = q * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (cumulative[i] >= wanted) {
                return boundsMs[i];
            }
        }
        return boundsMs[boundsMs.length - 1];
    }
}
