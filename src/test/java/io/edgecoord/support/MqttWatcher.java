package io.edgecoord.support;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/** A client of the test broker, with the admin key, that keeps what arrives on its filters as "topic payload". */
public final class MqttWatcher implements AutoCloseable {

    private final MqttClient client;

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    private MqttWatcher(MqttClient client) {
        this.client = client;
    }

    /** Connects to the broker on {@code port} and subscribes to each filter with QoS 1. */
    public static MqttWatcher watch(int port, String... filters) throws MqttException {
        MqttWatcher watcher = new MqttWatcher(TestMqtt.admin(port));
        IMqttMessageListener listener = (topic, message) ->
                watcher.received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
        for (String filter : filters) {
            watcher.client.subscribe(filter, 1, listener);
        }
        return watcher;
    }

    /** What has arrived and not been taken yet, oldest first. */
    public BlockingQueue<String> received() {
        return received;
    }

    public void publish(String topic, byte[] payload, int qos, boolean retained) throws MqttException {
        client.publish(topic, payload, qos, retained);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
