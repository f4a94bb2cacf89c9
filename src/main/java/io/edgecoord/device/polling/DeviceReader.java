package io.edgecoord.device.polling;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

import io.edgecoord.device.DeviceReadingsPolled;
import io.edgecoord.device.opcua.OpcUaSubscriptions;
import io.edgecoord.device.polling.DeviceProperties;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.profile.PublishedValues;
import io.edgecoord.device.registry.PolledDevice;

/**
 * Reads and writes devices through the per-link gate and the lane's concurrency cap, then records
 * the outcome: connectivity, meters, and a {@link DeviceReadingsPolled} after every successful
 * read (published on the calling thread, after the gates are left) of the values that pass their
 * resources' deadbands ({@link PublishedValues}); none when no value does. Never throws for a device's
 * failure; every unexpected exception becomes a failure of kind INTERNAL.
 */
public final class DeviceReader {

    private static final Logger log = LoggerFactory.getLogger(DeviceReader.class);

    private final DeviceClients client;

    private final ValueTransforms transforms;

    private final LinkGates links;

    private final Map<Lane, Semaphore> lanes = new EnumMap<>(Lane.class);

    private final ConnectivityTracker connectivity;

    private final ApplicationEventPublisher events;

    private final PollMetrics metrics;

    private final LongSupplier ticker;

    private final Clock clock;

    private final Map<String, Map<String, Object>> lastValues = new ConcurrentHashMap<>();

    private final PublishedValues published = new PublishedValues();

    DeviceReader(DeviceClients client, ValueTransforms transforms, DeviceProperties properties,
            ConnectivityTracker connectivity, ApplicationEventPublisher events, PollMetrics metrics,
            LongSupplier ticker, Clock clock) {
        this.client = client;
        this.transforms = transforms;
        this.links = new LinkGates(properties.poll().maxInflightPerLink());
        this.lanes.put(Lane.NORMAL, new Semaphore(properties.poll().maxConcurrent(), true));
        this.lanes.put(Lane.RECOVERY, new Semaphore(properties.liveness().recoveryLaneConcurrency(), true));
        this.connectivity = connectivity;
        this.events = events;
        this.metrics = metrics;
        this.ticker = ticker;
        this.clock = clock;
    }

    /** Reads resources; the read must start before {@code deadline} (monotonic nanoseconds). */
    public ReadOutcome read(PolledDevice device, String source, List<ProfileResource> resources, Lane lane,
            long scheduledAt, long deadline) {
        return run(device, lane, scheduledAt, deadline, (remaining) -> {
            return transformed(this.client.read(device.binding(), resources, remaining));
        }, source);
    }

    /**
     * Checks a subscribing device's subscription, creating it when there is none; each data change
     * it brings is published as a reading, as a poll's would be. Publishes nothing itself.
     */
    ReadOutcome watch(PolledDevice device, Lane lane, long scheduledAt, long deadline) {
        return throughGates(device, lane, scheduledAt, deadline, (remaining) -> {
            this.client.watch(device, remaining.get(), (resource, change) -> received(device, resource, change));
            return new LinkedHashMap<>();
        });
    }

    /** Ends a subscribing device's subscription (locked, changed or deleted). */
    void unwatch(String device) {
        this.client.unwatch(device);
    }

    private void received(PolledDevice device, ProfileResource resource, OpcUaSubscriptions.Change change) {
        if (!this.client.watching(device.name())) {
            return;
        }
        try {
            pushed(device, device.source(), Map.of(resource, change.raw()));
        }
        catch (DeviceCallException ex) {
            this.connectivity.failed(device.name(), ex.kind(), ex.getMessage());
        }
    }

    /**
     * Values a device pushed (an OPC UA data change, MQTT telemetry): transformed, counted as
     * contact, and published as a reading, as a poll's would be.
     *
     * @return the values after the profile's transforms
     * @throws DeviceCallException when a value has the wrong type (nothing is published then)
     */
    public Map<String, Object> pushed(PolledDevice device, String source, Map<ProfileResource, JsonNode> raw)
            throws DeviceCallException {
        Map<String, Object> values = transformed(raw);
        this.connectivity.succeeded(device.name());
        Set<String> changed = changed(device.name(), values);
        Map<String, Object> selected = this.published.select(device.profile(), device.name(), values, false);
        if (!selected.isEmpty()) {
            this.events.publishEvent(new DeviceReadingsPolled(device.name(), source,
                    Collections.unmodifiableMap(selected), PublishedValues.changedAmong(changed, selected),
                    this.clock.instant()));
        }
        return values;
    }

    /** The last values read or pushed of a device, by resource name. */
    public Map<String, Object> lastValues(String device) {
        return this.lastValues.getOrDefault(device, Map.of());
    }

    /** Writes raw values, then reads the same resources back to confirm. */
    public ReadOutcome write(PolledDevice device, Map<ProfileResource, JsonNode> raw, long deadline) {
        long now = this.ticker.getAsLong();
        return run(device, Lane.ON_DEMAND, now, deadline, (remaining) -> {
            for (Map.Entry<ProfileResource, JsonNode> entry : raw.entrySet()) {
                this.client.write(device.binding(), entry.getKey(), entry.getValue(), remaining);
            }
            List<ProfileResource> readable = raw.keySet().stream().filter((r) -> r.readWrite().readable()).toList();
            return readable.isEmpty() ? new LinkedHashMap<>()
                    : transformed(this.client.read(device.binding(), readable, remaining));
        }, String.join(",", raw.keySet().stream().map(ProfileResource::name).toList()));
    }

    /** Refuses, before any request, a raw value the device's binding cannot carry. */
    public void check(PolledDevice device, ProfileResource resource, JsonNode raw) {
        this.client.check(device.binding(), resource, raw);
    }

    private Map<String, Object> transformed(Map<ProfileResource, JsonNode> raw) throws DeviceCallException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<ProfileResource, JsonNode> entry : raw.entrySet()) {
            values.put(entry.getKey().name(), this.transforms.fromRaw(entry.getKey(), entry.getValue()));
        }
        return values;
    }

    void forget(String device) {
        this.lastValues.remove(device);
        this.published.forget(device);
    }

    /** Monotonic now, in nanoseconds, for callers that set deadlines. */
    public long now() {
        return this.ticker.getAsLong();
    }

    void close() {
        this.client.close();
    }

    private ReadOutcome run(PolledDevice device, Lane lane, long scheduledAt, long deadline, Exchange exchange,
            String source) {
        ReadOutcome outcome = throughGates(device, lane, scheduledAt, deadline, exchange);
        // Published after the link gate is left, so a listener's own command cannot deadlock on it.
        // Deadbands hold back scheduled readings only: an on-demand read or a write's read-back
        // was asked for, and the shadow must see what a write left.
        if (outcome instanceof ReadOutcome.Read read) {
            Map<String, Object> selected = this.published.select(device.profile(), device.name(), read.values(),
                    lane == Lane.ON_DEMAND);
            if (!selected.isEmpty()) {
                this.events.publishEvent(new DeviceReadingsPolled(device.name(), source,
                        Collections.unmodifiableMap(selected), PublishedValues.changedAmong(read.changed(), selected),
                        read.at()));
            }
        }
        return outcome;
    }

    private ReadOutcome throughGates(PolledDevice device, Lane lane, long scheduledAt, long deadline,
            Exchange exchange) {
        String link = device.binding().linkId();
        Semaphore slots = this.lanes.get(lane);
        try {
            if (!this.links.enter(link, deadline - this.ticker.getAsLong())) {
                return skipped(PollResult.SKIPPED_LINK_WAIT);
            }
            try {
                if (slots != null && !slots.tryAcquire(deadline - this.ticker.getAsLong(), TimeUnit.NANOSECONDS)) {
                    return skipped(PollResult.SKIPPED_CAPACITY);
                }
                try {
                    return exchange(device, lane, scheduledAt, exchange);
                }
                finally {
                    if (slots != null) {
                        slots.release();
                    }
                }
            }
            finally {
                this.links.leave(link);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return failed(device, FailureKind.INTERNAL, "interrupted while waiting for link " + link);
        }
    }

    private ReadOutcome exchange(PolledDevice device, Lane lane, long scheduledAt, Exchange exchange) {
        long start = this.ticker.getAsLong();
        this.metrics.lag(lane, start - scheduledAt);
        long budgetEnds = start + device.timeout().toNanos();
        try {
            Map<String, Object> values = exchange.run(() -> Duration.ofNanos(Math.max(1_000_000,
                    budgetEnds - this.ticker.getAsLong())));
            this.metrics.duration(this.ticker.getAsLong() - start);
            this.metrics.count(PollResult.SUCCESS);
            this.connectivity.succeeded(device.name());
            Set<String> changed = changed(device.name(), values);
            return new ReadOutcome.Read(Collections.unmodifiableMap(values), changed, this.clock.instant());
        }
        catch (DeviceCallException ex) {
            this.metrics.duration(this.ticker.getAsLong() - start);
            return failed(device, ex.kind(), ex.getMessage());
        }
        catch (RuntimeException ex) {
            log.error("Polling device {} failed unexpectedly", device.name(), ex);
            return failed(device, FailureKind.INTERNAL, ex.toString());
        }
    }

    private ReadOutcome failed(PolledDevice device, FailureKind kind, String message) {
        this.metrics.count((kind == FailureKind.TIMEOUT) ? PollResult.TIMEOUT : PollResult.FAILURE);
        this.connectivity.failed(device.name(), kind, message);
        return new ReadOutcome.Failed(kind, message);
    }

    private ReadOutcome skipped(PollResult reason) {
        this.metrics.count(reason);
        return new ReadOutcome.Skipped(reason);
    }

    private Set<String> changed(String device, Map<String, Object> values) {
        Map<String, Object> previous = this.lastValues.getOrDefault(device, Map.of());
        Set<String> changed = new HashSet<>();
        values.forEach((name, value) -> {
            if (!previous.containsKey(name) || !Objects.equals(previous.get(name), value)) {
                changed.add(name);
            }
        });
        Map<String, Object> merged = new LinkedHashMap<>(previous);
        merged.putAll(values);
        this.lastValues.put(device, merged);
        return Set.copyOf(changed);
    }

    /** The talking part of a read or write, given the time left of its budget. */
    @FunctionalInterface
    private interface Exchange {

        Map<String, Object> run(Supplier<Duration> remaining) throws DeviceCallException;
    }
}
