package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.edgecoord.support.TestMqtt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge between the embedded broker and a real mosquitto upstream: local messages go up and
 * upstream ones come down, once each; while the upstream is down messages are spooled on disk, the
 * oldest dropped past the bound and counted, and the rest delivered in order when it returns.
 */
@SpringBootTest
@TestPropertySource(properties = { "edgecoord.mqtt.bridge.enabled=true", "edgecoord.mqtt.bridge.up=plant/#,shared/#",
        "edgecoord.mqtt.bridge.down=commands/#,shared/#", "edgecoord.mqtt.bridge.spool-max-messages=5",
        "edgecoord.mqtt.bridge.reconnect-min=100ms", "edgecoord.mqtt.bridge.reconnect-max=500ms",
        "spring.datasource.url=jdbc:h2:mem:mqtt-bridge;DB_CLOSE_DELAY=-1" })
class BridgeTests {

    static TestMosquitto upstream;

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("mosquitto-data");
        // Started as root, mosquitto drops to its own user, which must be able to save its sessions here.
        Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        upstream = TestMosquitto.start("persistence true", "persistence_location " + data + "/");
        registry.add("edgecoord.mqtt.bridge.url", upstream::url);
        registry.add("edgecoord.mqtt.bridge.spool-directory", () -> data.resolve("spool").toString());
    }

    @AfterAll
    static void stopBroker() throws Exception {
        upstream.close();
    }

    @Value("${local.mqtt.port}")
    int localPort;

    @Autowired
    MqttPublisher publisher;

    @Autowired
    BridgeHealthIndicator health;

    @Autowired
    MeterRegistry meters;

    @Test
    void spoolsWhileUpstreamIsDownDropsTheOldestPastTheBoundAndDeliversTheRestInOrder() throws Exception {
        awaitUpstream(Status.UP);
        List<String> upstreamHeard = new CopyOnWriteArrayList<>();
        MqttClient watcher = persistentWatcher(upstreamHeard);
        upstream.pause();
        try {
            awaitUpstream(Status.OUT_OF_SERVICE);
            double droppedBefore = dropped();

            for (int i = 1; i <= 8; i++) {
                publisher.publish("plant/line1/count", Integer.toString(i).getBytes(StandardCharsets.UTF_8), 1, false);
            }
            assertThat(health.health().getDetails()).containsEntry("spooled", 5);
            assertThat(dropped() - droppedBefore).isEqualTo(3);
        }
        finally {
            upstream.resume();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(upstreamHeard).containsExactly("4", "5", "6", "7", "8"));
        assertThat(health.health().getDetails()).containsEntry("spooled", 0);
        watcher.disconnect();
        watcher.close();
    }

    @Test
    void upstreamMessagesComeDownAndNothingLoops() throws Exception {
        awaitUpstream(Status.UP);
        MqttClient local = TestMqtt.admin(localPort);
        BlockingQueue<String> localHeard = new LinkedBlockingQueue<>();
        local.subscribe("#", 1, (topic, message) -> localHeard.add(topic + "=" + message));
        MqttClient outside = TestMqtt.connect(upstream.port(), null, null);
        BlockingQueue<String> outsideHeard = new LinkedBlockingQueue<>();
        outside.subscribe("shared/#", 1, (topic, message) -> outsideHeard.add(topic + "=" + message));

        outside.publish("commands/lamp", "on".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(localHeard.poll(10, TimeUnit.SECONDS)).isEqualTo("commands/lamp=on");

        // shared/# goes both ways: a local message goes up once and does not come back down.
        local.publish("shared/state", "local".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(localHeard.poll(10, TimeUnit.SECONDS)).isEqualTo("shared/state=local");
        assertThat(outsideHeard.poll(10, TimeUnit.SECONDS)).isEqualTo("shared/state=local");
        assertThat(localHeard.poll(1, TimeUnit.SECONDS)).isNull();
        assertThat(outsideHeard.poll(200, TimeUnit.MILLISECONDS)).isNull();
        local.disconnect();
        local.close();
        outside.disconnect();
        outside.close();
    }

    private MqttClient persistentWatcher(List<String> heard) throws Exception {
        MqttClient watcher = new MqttClient(upstream.url(), "bridge-watcher", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(500);
        watcher.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                heard.add(message.toString());
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        watcher.connect(options);
        watcher.subscribe("plant/#", 1);
        return watcher;
    }

    private double dropped() {
        return meters.get("edgecoord.mqtt.dropped").tag("reason", "bridge-spool-full").counter().count();
    }

    private void awaitUpstream(Status status) {
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(status));
    }
}
