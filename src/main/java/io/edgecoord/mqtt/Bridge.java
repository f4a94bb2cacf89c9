package io.edgecoord.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import javax.net.ssl.SSLSocketFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Bridges the embedded broker to an upstream one, as Greengrass's cloud connection: every local
 * message on an {@code up} filter (the coordinator's own included) is spooled on disk and sent
 * upstream in order, with its QoS (at most 1) and retained flag, leaving the spool once the upstream took it; upstream
 * messages on a {@code down} filter are published locally as {@link #LOCAL_ID}, their QoS (at most 1)
 * and retained flag kept too. No loops: what came
 * down is never sent up, and what went up is not brought down again ({@link OwnEchoes}).
 */
class Bridge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Bridge.class);

    /** The client id the bridge's messages from upstream carry on the local broker. */
    static final String LOCAL_ID = "edgecoord-bridge";

    private final MqttProperties.Bridge settings;
    private final EmbeddedBroker local;
    private final ClientMessages messages;
    private final Spool spool;
    private final OwnEchoes echoes;
    private final ReconnectingClient upstream;
    private final Semaphore work = new Semaphore(0);
    private final Counter up;
    private final Counter down;
    private final Counter dropped;
    private volatile Thread sender;

    Bridge(MqttProperties.Bridge settings, EmbeddedBroker local, ClientMessages messages, Spool spool,
            SSLSocketFactory tls, MeterRegistry registry, Clock clock, ReconnectingClient.Sleeper sleeper) {
        this.settings = settings;
        this.local = local;
        this.messages = messages;
        this.spool = spool;
        this.echoes = new OwnEchoes(clock, Duration.ofSeconds(30));
        MqttConnectOptions options = ReconnectingClient.options(settings.username(), settings.password());
        if (tls != null) {
            options.setSocketFactory(tls);
        }
        this.upstream = new ReconnectingClient(settings.url(), settings.clientId(), options, settings.reconnectMin(),
                settings.reconnectMax(), clock, sleeper, this::fromUpstream, work::release);
        this.up = registry.counter("edgecoord.mqtt.messages", "direction", "up");
        this.down = registry.counter("edgecoord.mqtt.messages", "direction", "down");
        this.dropped = registry.counter("edgecoord.mqtt.dropped", "reason", "bridge-spool-full");
        Gauge.builder("edgecoord.mqtt.bridge.spooled", spool::size).description("messages spooled for upstream")
                .register(registry);
        Gauge.builder("edgecoord.mqtt.bridge.spooled.bytes", spool::bytes).baseUnit("bytes").register(registry);
        Gauge.builder("edgecoord.mqtt.bridge.connected", () -> upstream.isConnected() ? 1 : 0).register(registry);
    }

    @Override
    public void start() {
        for (String filter : settings.up()) {
            messages.onAnyPublish(filter, LOCAL_ID, this::toUpstream);
        }
        for (String filter : settings.down()) {
            upstream.subscribe(filter);
        }
        sender = Thread.ofVirtual().name("mqtt-bridge-sender").start(this::send);
        upstream.start();
        log.info("MQTT bridge to {}: up {}, down {}, {} messages spooled", settings.url(), settings.up(),
                settings.down(), spool.size());
    }

    @Override
    public void stop() {
        Thread running = sender;
        sender = null;
        if (running != null) {
            running.interrupt();
        }
        upstream.close();
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }

    /** Where the upstream connection stands, for health. */
    ConnectionState state() {
        return upstream.state();
    }

    int spooled() {
        return spool.size();
    }

    double droppedCount() {
        return dropped.count();
    }

    String url() {
        return settings.url();
    }

    private void toUpstream(MqttReceived message) {
        // QoS 2 is sent as 1: the spool already gives at-least-once, and exactly-once would need the upstream's too.
        int lost = spool.append(message.topic(), message.payload(), Math.min(message.qos(), 1), message.retained());
        if (lost > 0) {
            dropped.increment(lost);
            log.warn("MQTT bridge spool full ({} messages at most): dropped the {} oldest", settings.spoolMaxMessages(), lost);
        }
        work.release();
    }

    private void fromUpstream(String topic, MqttMessage message) {
        if (echoes.isEcho(topic, message.getPayload())) {
            return;
        }
        local.publish(topic, message.getPayload(), Math.min(message.getQos(), 1), message.isRetained(), LOCAL_ID);
        down.increment();
    }

    private void send() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                work.acquire();
                work.drainPermits();
                drain();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the spool oldest first until it is empty or the upstream fails; the next connect resumes it. */
    private void drain() {
        Optional<Spool.Message> next = spool.oldest();
        while (next.isPresent() && upstream.isConnected()) {
            Spool.Message message = next.get();
            boolean heard = settings.down().stream().anyMatch(filter -> TopicFilters.matches(filter, message.topic()));
            if (heard) {
                echoes.expect(message.topic(), message.payload());
            }
            try {
                upstream.publish(message.topic(), message.payload(), message.qos(), message.retain());
            }
            catch (MqttException ex) {
                log.info("MQTT bridge: upstream did not take a message ({}); it stays spooled", ex.getMessage());
                return;
            }
            spool.remove(message.sequence());
            up.increment();
            next = spool.oldest();
        }
    }
}
