package io.edgecoord.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The coordinator as a client of a broker the site runs ({@code edgecoord.mqtt.mode=external}):
 * {@link MqttPublisher} publishes there, {@link MqttSubscriptions} subscribes each listener's filter
 * there (QoS 1). The broker's own rules decide who may do what; the coordinator's keys play no part.
 * Listeners run one message after another on one thread of ours, not Paho's, so they may publish.
 * A message carries no client id or user name ({@code null}): a subscriber does not learn them.
 */
class ExternalBroker implements SmartLifecycle, MqttPublisher, MqttSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(ExternalBroker.class);

    private final MqttProperties properties;
    private final BrokerMetrics metrics;
    private final OwnEchoes echoes;
    private final ReconnectingClient client;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("mqtt-listeners").factory());
    private volatile boolean running;

    ExternalBroker(MqttProperties properties, SSLSocketFactory tls, BrokerMetrics metrics, Clock clock,
            ReconnectingClient.Sleeper sleeper) {
        this.properties = properties;
        this.metrics = metrics;
        this.echoes = new OwnEchoes(clock, Duration.ofSeconds(30));
        MqttProperties.External external = properties.external();
        MqttConnectOptions options = ReconnectingClient.options(external.username(), external.password());
        if (tls != null) {
            options.setSocketFactory(tls);
        }
        this.client = new ReconnectingClient(external.url(), external.clientId(), options, external.reconnectMin(),
                external.reconnectMax(), clock, sleeper, this::arrived, () -> { });
    }

    @Override
    public void start() {
        running = true;
        client.start();
        log.info("MQTT in external mode: the coordinator is a client of {}", client.url());
    }

    @Override
    public void stop() {
        running = false;
        client.close();
        dispatcher.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Where the connection stands, for health. */
    ConnectionState state() {
        return client.state();
    }

    String url() {
        return client.url();
    }

    @Override
    public void onPublish(String filter, Consumer<MqttReceived> listener) {
        listeners.add(new Listener(filter, listener));
        client.subscribe(filter);
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retain) {
        TopicNames.check(topic, payload, qos, properties.maxMessageBytes());
        if (!client.isConnected()) {
            throw new BrokerUnavailableException("The external MQTT broker " + client.url() + " is not connected: "
                    + client.state().error(), null);
        }
        boolean heard = listeners.stream().anyMatch(listener -> TopicFilters.matches(listener.filter(), topic));
        if (heard) {
            echoes.expect(topic, payload);
        }
        try {
            client.publish(topic, payload, qos, retain);
            metrics.published();
        }
        catch (MqttException ex) {
            throw new BrokerUnavailableException("The external MQTT broker " + client.url() + " did not take a message on "
                    + topic + ": " + ex.getMessage(), ex);
        }
    }

    private void arrived(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        if (echoes.isEcho(topic, payload)) {
            return;
        }
        metrics.received(payload.length);
        dispatcher.execute(() -> deliver(new MqttReceived(topic, payload, null, null, message.getQos(),
                message.isRetained())));
    }

    private void deliver(MqttReceived received) {
        for (Listener listener : listeners) {
            if (TopicFilters.matches(listener.filter(), received.topic())) {
                try {
                    listener.consumer().accept(received);
                }
                catch (RuntimeException ex) {
                    log.warn("A listener of {} failed on a message on {}", listener.filter(), received.topic(), ex);
                }
            }
        }
    }

    private record Listener(String filter, Consumer<MqttReceived> consumer) {
    }
}
