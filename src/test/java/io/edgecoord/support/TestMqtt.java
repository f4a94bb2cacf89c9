package io.edgecoord.support;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Paho clients of a test coordinator's MQTT broker on loopback ({@code local.mqtt.port}). */
public final class TestMqtt {

    /** How long a connect waits for Moquette to mark the connection connected ({@link #settle}). */
    private static final long SETTLE_MS = 200;

    private TestMqtt() {
    }

    /** A client connected with the admin key. */
    public static MqttClient admin(int port) throws MqttException {
        return connect(port, TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET);
    }

    /** A client connected as key {@code id} (anonymous when {@code null}), MQTT 3.1.1, waiting at most 10 s a call. */
    public static MqttClient connect(int port, String id, String secret) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, MqttClient.generateClientId(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout(10);
        if (id != null) {
            options.setUserName(id);
            options.setPassword(secret.toCharArray());
        }
        return connect(client, options);
    }

    /** Connects {@code client} with {@code options}, waiting at most 10 s a call; closes it if that fails. */
    public static MqttClient connect(MqttClient client, MqttConnectOptions options) throws MqttException {
        client.setTimeToWait(10_000);
        try {
            client.connect(options);
        }
        catch (MqttException ex) {
            client.close();
            throw ex;
        }
        settle();
        return client;
    }

    /**
     * Gives Moquette 0.17 time to mark the connection connected. It does so in a listener of its
     * CONNACK write, which it adds from its session thread; when the write has completed by then,
     * the listener runs as a later task of the connection's event loop, and a SUBSCRIBE read before
     * that task is refused and the connection dropped ("SUBSCRIBE received on already closed
     * connection"; docs/mqtt.md, "Known deviations"). Tests subscribe right after connecting, so
     * each connect waits a little; the tests assert nothing about the timing.
     */
    private static void settle() {
        try {
            Thread.sleep(SETTLE_MS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Connect options with the admin key, MQTT 3.1.1, a clean or a persistent session. */
    public static MqttConnectOptions adminOptions(boolean cleanSession) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(cleanSession);
        options.setUserName(TestKeys.ADMIN_ID);
        options.setPassword(TestKeys.ADMIN_SECRET.toCharArray());
        return options;
    }

    /** Disconnects {@code client} at once if it is connected, and frees it. */
    public static void close(MqttClient client) throws MqttException {
        if (client.isConnected()) {
            client.disconnectForcibly(1000);
        }
        client.close();
    }

    /**
     * A callback that hands each message's payload, as text, to {@code heard}: for persistent
     * sessions, whose queued messages arrive at connect, before a per-subscription listener exists.
     */
    public static org.eclipse.paho.client.mqttv3.MqttCallback payloads(java.util.function.Consumer<String> heard) {
        return new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                heard.accept(message.toString());
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        };
    }
}
