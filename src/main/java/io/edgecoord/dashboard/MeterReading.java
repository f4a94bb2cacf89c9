package io.edgecoord.dashboard;

import java.time.Instant;

/**
 * The coordinator's meters at one instant, as cumulative totals and current gauges.
 *
 * @param at when read
 * @param invocations invocations ended so far
 * @param failures of those, the ones that did not succeed
 * @param coldStarts invocations so far that needed a new environment
 * @param bucketsMs the duration histogram's upper bounds, in milliseconds, ascending
 * @param bucketCounts invocations so far at or under each bound (cumulative, as {@code bucketsMs})
 * @param queueDepth calls waiting now
 * @param running calls running now
 * @param memoryUsed bytes of the budget reserved now
 * @param memoryTotal bytes of the budget in all
 */
record MeterReading(Instant at, double invocations, double failures, double coldStarts, double[] bucketsMs,
        double[] bucketCounts, double queueDepth, double running, double memoryUsed, double memoryTotal) {
}
