package io.edgecoord.device.polling;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.edgecoord.device.ConnectivityStatus;

/**
 * The poller's meters, prefix {@code edgecoord.device.}: polls by result, poll duration, schedule
 * lag by lane (the saturation signal) and status transitions. Tags stay bounded: no device names.
 */
final class PollMetrics {

    private final MeterRegistry registry;

    private final Map<PollResult, Counter> polls = new EnumMap<>(PollResult.class);

    private final Map<Lane, Timer> lag = new EnumMap<>(Lane.class);

    private final Timer duration;

    PollMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (PollResult result : PollResult.values()) {
            this.polls.put(result, Counter.builder("edgecoord.device.polls")
                .description("Polls of devices by result")
                .tag("result", result.tag())
                .register(registry));
        }
        for (Lane lane : Lane.values()) {
            this.lag.put(lane, Timer.builder("edgecoord.device.poll.schedule.lag")
                .description("Actual minus scheduled start of a poll")
                .tag("lane", lane.tag())
                .publishPercentileHistogram()
                .register(registry));
        }
        this.duration = Timer.builder("edgecoord.device.poll.duration")
            .description("Time a poll spent talking to the device")
            .tag("protocol", "http")
            .publishPercentileHistogram()
            .register(registry);
    }

    void count(PollResult result) {
        this.polls.get(result).increment();
    }

    void missed(long ticks) {
        this.polls.get(PollResult.MISSED).increment(ticks);
    }

    double total(PollResult result) {
        return this.polls.get(result).count();
    }

    void lag(Lane lane, long nanos) {
        this.lag.get(lane).record(Duration.ofNanos(Math.max(0, nanos)));
    }

    Timer lagTimer(Lane lane) {
        return this.lag.get(lane);
    }

    void duration(long nanos) {
        this.duration.record(Duration.ofNanos(nanos));
    }

    void transition(ConnectivityStatus to, String reason) {
        Counter.builder("edgecoord.device.transitions")
            .description("Connectivity status transitions")
            .tag("to", to.name().toLowerCase(java.util.Locale.ROOT))
            .tag("reason", reason)
            .register(this.registry)
            .increment();
    }

    MeterRegistry registry() {
        return this.registry;
    }
}
