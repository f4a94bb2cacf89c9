package io.edgecoord.device.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.command.DeviceFailedException;
import io.edgecoord.device.command.DeviceTimeoutException;
import io.edgecoord.device.polling.ConnectivityTracker;
import io.edgecoord.device.polling.DeviceCallException;
import io.edgecoord.device.polling.DeviceReader;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.registry.MqttBinding;
import io.edgecoord.device.registry.PolledDevice;
import io.edgecoord.mqtt.MqttPublisher;
import io.edgecoord.mqtt.MqttReceived;
import io.edgecoord.mqtt.MqttSubscriptions;

/**
 * Devices of protocol {@code mqtt}: hears their telemetry and status topics on the broker, turns
 * telemetry into readings (through {@link DeviceReader#pushed}), makes them OFFLINE after a
 * silence or on their last will, and writes their resources by publishing on their command topic,
 * confirmed once their telemetry reports the written values. Messages are handled in arrival
 * order on one thread of its own, never on the broker's; silence is checked on a timer.
 */
public final class MqttDevices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttDevices.class);

    public static final String SOURCE = "telemetry";

    private final DeviceReader reader;

    private final ConnectivityTracker connectivity;

    private final JsonMapper json;

    private final Clock clock;

    private final Supplier<MqttPublisher> publisher;

    private final Map<String, Watched> byTopic = new ConcurrentHashMap<>();

    private final Map<String, Watched> byDevice = new ConcurrentHashMap<>();

    private final ExecutorService messages = Executors.newSingleThreadExecutor(Thread.ofVirtual()
        .name("device-mqtt")
        .factory());

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
        .name("device-mqtt-silence")
        .daemon()
        .factory());

    public MqttDevices(DeviceReader reader, ConnectivityTracker connectivity, JsonMapper json, Clock clock,
            Supplier<MqttPublisher> publisher) {
        this.reader = reader;
        this.connectivity = connectivity;
        this.json = json;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** Hears every client message on the broker from now on (called once, when there is a broker). */
    public void listen(MqttSubscriptions subscriptions) {
        subscriptions.onPublish("#", (message) -> {
            if (this.byTopic.containsKey(message.topic())) {
                this.messages.execute(() -> received(message));
            }
        });
    }

    /** Starts (or restarts) hearing a device. */
    public void watch(PolledDevice device) {
        unwatch(device.name());
        MqttBinding binding = (MqttBinding) device.binding();
        Duration silence = binding.silenceAfter(device.interval());
        Watched watched = new Watched(device, this.clock.instant());
        long period = Math.clamp(silence.toMillis() / 4, 50, 5_000);
        watched.check = this.timer.scheduleAtFixedRate(() -> checkSilence(watched, silence), period, period,
                TimeUnit.MILLISECONDS);
        this.byDevice.put(device.name(), watched);
        this.byTopic.put(binding.telemetryTopic(), watched);
        this.byTopic.put(binding.statusTopic(), watched);
    }

    public void unwatch(String device) {
        Watched watched = this.byDevice.remove(device);
        if (watched != null) {
            watched.check.cancel(false);
            MqttBinding binding = (MqttBinding) watched.device.binding();
            this.byTopic.remove(binding.telemetryTopic(), watched);
            this.byTopic.remove(binding.statusTopic(), watched);
        }
    }

    /**
     * Publishes raw values on the device's command topic (QoS 1) and waits until its telemetry
     * reports them back, at most the device's timeout.
     *
     * @return the confirmed values after the profile's transforms
     */
    public Map<String, Object> write(PolledDevice device, Map<ProfileResource, JsonNode> raw) {
        MqttPublisher broker = this.publisher.get();
        Watched watched = this.byDevice.get(device.name());
        if (broker == null || watched == null) {
            throw new DeviceFailedException("Device '" + device.name() + "': no MQTT broker is running to reach it.");
        }
        Pending pending = new Pending(raw, new CompletableFuture<>());
        watched.pending.add(pending);
        try {
            broker.publish(((MqttBinding) device.binding()).commandTopic(),
                    this.json.writeValueAsBytes(MqttPayloads.command(this.json, raw)), 1, false);
            return pending.confirmed.get(device.timeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            throw new DeviceTimeoutException("Device '" + device.name() + "' did not report " + names(raw)
                    + " back within " + device.timeout().toMillis() + " ms of the command on "
                    + ((MqttBinding) device.binding()).commandTopic() + ".");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DeviceFailedException("Device '" + device.name() + "': interrupted waiting for confirmation.");
        }
        catch (ExecutionException ex) {
            throw new DeviceFailedException("Device '" + device.name() + "': " + ex.getCause().getMessage());
        }
        finally {
            watched.pending.remove(pending);
        }
    }

    private void received(MqttReceived message) {
        Watched watched = this.byTopic.get(message.topic());
        if (watched == null) {
            return;
        }
        PolledDevice device = watched.device;
        try {
            MqttBinding binding = (MqttBinding) device.binding();
            if (message.topic().equals(binding.statusTopic())) {
                if (MqttPayloads.offline(message.payload())) {
                    this.connectivity.silent(device.name(), "LAST_WILL");
                }
                else {
                    this.connectivity.succeeded(device.name());
                }
                return;
            }
            Map<ProfileResource, JsonNode> raw = MqttPayloads.telemetry(this.json, message.payload(),
                    device.pollResources());
            if (raw.isEmpty()) {
                throw new DeviceCallException(FailureKind.PROTOCOL_ERROR, "the telemetry on " + message.topic()
                        + " holds none of the resources at their pointers");
            }
            Map<String, Object> values = this.reader.pushed(device, SOURCE, raw);
            for (Pending pending : watched.pending) {
                if (MqttPayloads.confirms(pending.written, raw)) {
                    Map<String, Object> confirmed = new LinkedHashMap<>();
                    pending.written.keySet().forEach((r) -> confirmed.put(r.name(), values.get(r.name())));
                    pending.confirmed.complete(confirmed);
                }
            }
        }
        catch (DeviceCallException ex) {
            this.connectivity.failed(device.name(), ex.kind(), ex.getMessage());
        }
        catch (RuntimeException ex) {
            log.error("Telemetry of device {} on {} could not be handled", device.name(), message.topic(), ex);
        }
    }

    private void checkSilence(Watched watched, Duration silence) {
        try {
            Instant lastSeen = this.connectivity.get(watched.device.name()).lastSeenAt();
            if (MqttPayloads.silent(lastSeen, watched.since, this.clock.instant(), silence)) {
                this.connectivity.silent(watched.device.name(), "SILENCE");
            }
        }
        catch (RuntimeException ex) {
            log.error("Checking the silence of device {} failed", watched.device.name(), ex);
        }
    }

    private static List<String> names(Map<ProfileResource, JsonNode> raw) {
        return raw.keySet().stream().map(ProfileResource::name).toList();
    }

    @Override
    public void close() {
        this.timer.shutdownNow();
        this.messages.shutdownNow();
    }

    /** A device being heard, since when, and its writes waiting for confirmation. */
    private static final class Watched {

        private final PolledDevice device;

        private final Instant since;

        private final List<Pending> pending = new CopyOnWriteArrayList<>();

        private volatile ScheduledFuture<?> check;

        Watched(PolledDevice device, Instant since) {
            this.device = device;
            this.since = since;
        }
    }

    private record Pending(Map<ProfileResource, JsonNode> written, CompletableFuture<Map<String, Object>> confirmed) {
    }
}
