package io.edgecoord.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Paho MQTT 3.1.1 client of another broker that stays connected: it connects on its own virtual
 * thread, waits {@link Backoff} between failed attempts, connects again when the connection is lost
 * and then subscribes its filters again (clean sessions: the broker keeps nothing of ours).
 * {@code arrived} runs on Paho's callback thread and must hand work off quickly. Thread-safe.
 */
final class ReconnectingClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconnectingClient.class);
    private static final long WAIT_MILLIS = 10_000;

    /** Waits, so that the retry loop can be tested without waiting. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final String url;
    private final MqttConnectOptions options;
    private final Duration first;
    private final Duration ceiling;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Runnable connected;
    private final Set<String> filters = new CopyOnWriteArraySet<>();
    private final Semaphore lost = new Semaphore(0);
    private final MqttAsyncClient client;
    private volatile ConnectionState state;
    private volatile boolean running = true;
    private final Thread loop;

    ReconnectingClient(String url, String clientId, MqttConnectOptions options, Duration first, Duration ceiling,
            Clock clock, Sleeper sleeper, BiConsumer<String, MqttMessage> arrived, Runnable connected) {
        this.url = url;
        this.options = options;
        this.first = first;
        this.ceiling = ceiling;
        this.clock = clock;
        this.sleeper = sleeper;
        this.connected = connected;
        this.state = ConnectionState.connecting(clock.instant());
        try {
            this.client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        }
        catch (MqttException ex) {
            throw new IllegalArgumentException("The MQTT URL " + url + " is not usable: " + ex.getMessage(), ex);
        }
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                state = state.failed(clock.instant(), String.valueOf(cause.getMessage()));
                log.warn("MQTT connection to {} lost: {}", url, cause.getMessage());
                lost.release();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                arrived.accept(topic, message);
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // Publishes wait for their own tokens.
            }
        });
        this.loop = Thread.ofVirtual().name("mqtt-client-" + clientId).unstarted(this::run);
    }

    /** A client's usual options: MQTT 3.1.1, clean session, a wide in-flight window, no own reconnect. */
    static MqttConnectOptions options(String username, String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(1000);
        if (username != null && !username.isBlank()) {
            options.setUserName(username);
            options.setPassword((password != null) ? password.toCharArray() : new char[0]);
        }
        return options;
    }

    void start() {
        loop.start();
    }

    /** Subscribes {@code filter} now if connected, and again on every connect. */
    void subscribe(String filter) {
        if (filters.add(filter) && client.isConnected()) {
            try {
                subscribeNow(filter);
            }
            catch (MqttException ex) {
                log.warn("Subscribing {} on {} failed ({}); done again on the next connect", filter, url, ex.getMessage());
            }
        }
    }

    /** Publishes and waits until the broker has it (QoS 1) or it is written (QoS 0). */
    void publish(String topic, byte[] payload, int qos, boolean retain) throws MqttException {
        client.publish(topic, payload, qos, retain).waitForCompletion(WAIT_MILLIS);
    }

    boolean isConnected() {
        return client.isConnected();
    }

    ConnectionState state() {
        return state;
    }

    String url() {
        return url;
    }

    private void run() {
        try {
            while (running) {
                if (client.isConnected()) {
                    lost.acquire();
                    continue;
                }
                try {
                    client.connect(options).waitForCompletion(WAIT_MILLIS);
                    for (String filter : filters) {
                        subscribeNow(filter);
                    }
                    lost.drainPermits();
                    state = state.up(clock.instant());
                    log.info("MQTT client connected to {}", url);
                    connected.run();
                }
                catch (MqttException ex) {
                    state = state.failed(clock.instant(), ex.getMessage());
                    Duration wait = Backoff.after(state.failures(), first, ceiling);
                    log.info("MQTT connection to {} failed ({}); next attempt in {}", url, ex.getMessage(), wait);
                    disconnectQuietly();
                    sleeper.sleep(wait);
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void subscribeNow(String filter) throws MqttException {
        IMqttToken token = client.subscribe(filter, 1);
        token.waitForCompletion(WAIT_MILLIS);
        int[] granted = token.getGrantedQos();
        if (granted != null && granted.length > 0 && granted[0] == 0x80) {
            log.warn("{} refused the coordinator's subscription to {}", url, filter);
        }
    }

    private void disconnectQuietly() {
        if (client.isConnected()) {
            try {
                client.disconnectForcibly(1000);
            }
            catch (MqttException ex) {
                log.debug("Disconnecting from {} failed", url, ex);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
        disconnectQuietly();
        try {
            client.close(true);
        }
        catch (MqttException ex) {
            log.debug("Closing the client of {} failed", url, ex);
        }
    }
}
