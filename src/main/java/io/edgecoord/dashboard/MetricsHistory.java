package io.edgecoord.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The last hour (by default) of {@link MetricsSample}s, one per sample interval, for the charts.
 * {@link #sample()} is called by one thread at a time (the sampler); reads may come from any.
 * Listeners hear each new sample on the sampler's thread and must not block.
 */
final class MetricsHistory {

    private final Supplier<MeterReading> reader;
    private final int kept;
    private final ArrayDeque<MetricsSample> samples = new ArrayDeque<>();
    private final List<Consumer<MetricsSample>> listeners = new CopyOnWriteArrayList<>();
    private MeterReading last;

    MetricsHistory(Supplier<MeterReading> reader, int kept) {
        this.reader = reader;
        this.kept = kept;
    }

    /** Reads the meters and, from the second reading on, records what changed since the last. */
    void sample() {
        MeterReading now = reader.get();
        MeterReading before = last;
        last = now;
        if (before == null) {
            return;
        }
        MetricsSample sample = MetricsSample.between(before, now);
        synchronized (samples) {
            samples.addLast(sample);
            while (samples.size() > kept) {
                samples.removeFirst();
            }
        }
        listeners.forEach(listener -> listener.accept(sample));
    }

    /** The samples kept, oldest first. */
    List<MetricsSample> samples() {
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }

    /** Hears every new sample until the returned handle is run. */
    Runnable listen(Consumer<MetricsSample> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
