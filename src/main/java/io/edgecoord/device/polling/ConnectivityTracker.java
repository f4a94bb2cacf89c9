package io.edgecoord.device.polling;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.micrometer.core.instrument.Gauge;
import org.springframework.context.ApplicationEventPublisher;

import io.edgecoord.device.ConnectivityStatus;
import io.edgecoord.device.DeviceConnectivityChanged;
import io.edgecoord.device.polling.DeviceProperties;

/**
 * Holds every device's {@link Connectivity} in memory, applies poll outcomes to it through the
 * pure state machine, and publishes one {@link DeviceConnectivityChanged} per transition (after
 * the state is updated, on the thread that caused it). Thread-safe.
 */
public final class ConnectivityTracker {

    private final Map<String, Connectivity> states = new ConcurrentHashMap<>();

    private final Set<String> locked = ConcurrentHashMap.newKeySet();

    private final ApplicationEventPublisher events;

    private final PollMetrics metrics;

    private final Clock clock;

    private final DeviceProperties.Liveness liveness;

    ConnectivityTracker(ApplicationEventPublisher events, PollMetrics metrics, Clock clock,
            DeviceProperties.Liveness liveness) {
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.liveness = liveness;
        for (String status : new String[] { "online", "offline", "unknown", "locked" }) {
            Gauge.builder("edgecoord.device.devices", this, (tracker) -> tracker.countByStatus(status))
                .description("Registered devices by connectivity status; LOCKED devices count as locked")
                .tag("status", status)
                .register(metrics.registry());
        }
    }

    public Connectivity get(String device) {
        return this.states.computeIfAbsent(device, (name) -> Connectivity.unknown(this.clock.instant()));
    }

    public ConnectivityStatus status(String device) {
        return get(device).status();
    }

    public void succeeded(String device) {
        Instant at = this.clock.instant();
        apply(device, (state) -> state.succeeded(at));
    }

    public void failed(String device, FailureKind kind, String message) {
        Instant at = this.clock.instant();
        Connectivity.LastError error = new Connectivity.LastError(kind.name(), message);
        boolean counts = kind.countsTowardOffline(this.liveness.countProtocolErrors());
        apply(device, (state) -> state.failed(at, error, counts, this.liveness.offlineAfterFailures()));
    }

    /** An MQTT device is OFFLINE for {@code reason} ({@code SILENCE} or {@code LAST_WILL}). */
    public void silent(String device, String reason) {
        Instant at = this.clock.instant();
        apply(device, (state) -> state.wentSilent(at, reason));
    }

    /** The status freezes while LOCKED; one event with reason LOCKED says so. */
    void locked(String device) {
        if (this.locked.add(device)) {
            announce(device, "LOCKED");
        }
    }

    /** Marks a device LOCKED without an event, as when a LOCKED device is registered or loaded. */
    void lockedQuietly(String device) {
        this.locked.add(device);
    }

    void unlocked(String device) {
        if (this.locked.remove(device)) {
            announce(device, "UNLOCKED");
        }
    }

    void forget(String device) {
        this.states.remove(device);
        this.locked.remove(device);
    }

    private void apply(String device, Function<Connectivity, Connectivity.Step> outcome) {
        AtomicReference<Optional<Connectivity.Transition>> transition = new AtomicReference<>(Optional.empty());
        // computeIfPresent: a poll that ends after its device was deleted must not bring it back.
        Connectivity now = this.states.computeIfPresent(device, (name, state) -> {
            Connectivity.Step step = outcome.apply(state);
            transition.set(step.transition());
            return step.connectivity();
        });
        transition.get().ifPresent((change) -> {
            this.metrics.transition(change.to(), change.reason());
            this.events.publishEvent(new DeviceConnectivityChanged(device, change.to(), change.from(),
                    change.reason(), now.consecutiveFailures(), now.since()));
        });
    }

    private void announce(String device, String reason) {
        Connectivity state = get(device);
        this.metrics.transition(state.status(), reason);
        this.events.publishEvent(new DeviceConnectivityChanged(device, state.status(), state.status(), reason,
                state.consecutiveFailures(), this.clock.instant()));
    }

    private long countByStatus(String status) {
        if ("locked".equals(status)) {
            return this.locked.size();
        }
        return this.states.entrySet()
            .stream()
            .filter((entry) -> !this.locked.contains(entry.getKey()))
            .filter((entry) -> entry.getValue().status().name().toLowerCase(Locale.ROOT).equals(status))
            .count();
    }
}
