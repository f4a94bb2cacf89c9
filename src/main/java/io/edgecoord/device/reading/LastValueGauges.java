package io.edgecoord.device.reading;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import io.edgecoord.device.DeviceReadingsPolled;

/**
 * The last numeric value of each resource of the devices that opt in ({@code "metrics": true}),
 * as the gauge {@code edgecoord.device.reading.value} with the labels {@code device} and
 * {@code resource}. Opting in keeps the cardinality bounded by what an operator chose; a
 * device's gauges go when it opts out or is deleted.
 */
final class LastValueGauges {

    private final MeterRegistry meters;

    private final Map<Key, Value> values = new ConcurrentHashMap<>();

    LastValueGauges(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Records a reading's numbers (booleans as 0 and 1) for an opted-in device, or drops its gauges. */
    void record(DeviceReadingsPolled event, boolean optedIn) {
        if (!optedIn) {
            forget(event.device());
            return;
        }
        event.values().forEach((resource, value) -> {
            Double number = switch (value) {
                case Number n -> n.doubleValue();
                case Boolean b -> b ? 1.0 : 0.0;
                case null, default -> null;
            };
            if (number != null) {
                this.values.computeIfAbsent(new Key(event.device(), resource), this::register).value = number;
            }
        });
    }

    void forget(String device) {
        this.values.keySet().removeIf((key) -> {
            if (key.device().equals(device)) {
                this.meters.remove(this.values.get(key).gauge);
                return true;
            }
            return false;
        });
    }

    private Value register(Key key) {
        Value value = new Value();
        value.gauge = Gauge.builder("edgecoord.device.reading.value", value, (v) -> v.value)
            .description("The last numeric value read of a resource of a device that opted in")
            .tags(Tags.of("device", key.device(), "resource", key.resource()))
            .register(this.meters);
        return value;
    }

    private record Key(String device, String resource) {
    }

    /** Holds the number the gauge reads; the gauge keeps it reachable. */
    private static final class Value {

        private volatile double value = Double.NaN;

        private Gauge gauge;
    }
}
