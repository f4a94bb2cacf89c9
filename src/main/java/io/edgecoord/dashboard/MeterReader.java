package io.edgecoord.dashboard;

import java.time.Clock;
import java.util.Collection;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;

/**
 * Reads the coordinator's own meters into a {@link MeterReading}, by their documented names
 * (docs/operations.md), summing over tags. A meter not registered yet reads as zero.
 */
final class MeterReader {

    private static final String SUCCEEDED = "succeeded";

    private final MeterRegistry registry;
    private final Clock clock;

    MeterReader(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    MeterReading read() {
        Collection<Counter> invocations = registry.find("edgecoord.invocations").counters();
        double total = invocations.stream().mapToDouble(Counter::count).sum();
        double succeeded = invocations.stream().filter(c -> SUCCEEDED.equals(c.getId().getTag("outcome")))
                .mapToDouble(Counter::count).sum();
        double coldStarts = registry.find("edgecoord.cold.starts").counters().stream().mapToDouble(Counter::count)
                .sum();
        // Every timer of this name has the same bounds (the percentile histogram's defaults); summed per bound.
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (Timer timer : registry.find("edgecoord.invocation.duration").timers()) {
            for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
                buckets.merge(bucket.bucket(TimeUnit.MILLISECONDS), bucket.count(), Double::sum);
            }
        }
        return new MeterReading(clock.instant(), total, total - succeeded, coldStarts,
                buckets.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                buckets.values().stream().mapToDouble(Double::doubleValue).toArray(),
                gauge("edgecoord.queue.depth"), gauge("edgecoord.invocations.running"),
                gauge("edgecoord.budget.memory.used"), gauge("edgecoord.budget.memory.total"));
    }

    private double gauge(String name) {
        return registry.find(name).gauges().stream().mapToDouble(Gauge::value).filter(Double::isFinite).sum();
    }
}
