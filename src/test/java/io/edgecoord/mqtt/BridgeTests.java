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
 * oldest dropped past the bound and counted, and the rest delivered in order when it returns;
 * a message keeps its QoS (at most 1) and its retained flag either way.
 */
@SpringBootTest
@TestPropertySource(properties = { "edgecoord.mqtt.bridge.enabled=true", "edgecoord.mqtt.bridge.up=plant/#,shared/#,kept/#",
        "edgecoord.mqtt.bridge.down=commands/#,shared/#,orders/#", "edgecoord.mqtt.bridge.spool-max-messages=5",
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

    @Test
    void aMessageKeepsItsQosUpToOneAndItsRetainedFlagGoingUpAndComingDown() throws Exception {
        awaitUpstream(Status.UP);
        MqttClient local = TestMqtt.admin(localPort);
        MqttClient outside = TestMqtt.connect(upstream.port(), null, null);
        BlockingQueue<String> upHeard = new LinkedBlockingQueue<>();
        BlockingQueue<String> downHeard = new LinkedBlockingQueue<>();
        outside.subscribe("kept/#", 2, (topic, message) -> upHeard.add(heard(topic, message)));
        local.subscribe("orders/live/#", 2, (topic, message) -> downHeard.add(heard(topic, message)));
        try {
            local.publish("kept/zero", "a".getBytes(StandardCharsets.UTF_8), 0, true);
            local.publish("kept/two", "b".getBytes(StandardCharsets.UTF_8), 2, false);
            assertThat(upHeard.poll(10, TimeUnit.SECONDS)).isEqualTo("kept/zero=a qos 0");
            assertThat(upHeard.poll(10, TimeUnit.SECONDS)).as("QoS 2 goes up as 1").isEqualTo("kept/two=b qos 1");
            outside.publish("orders/live/zero", "c".getBytes(StandardCharsets.UTF_8), 0, false);
            outside.publish("orders/live/two", "d".getBytes(StandardCharsets.UTF_8), 2, false);
            assertThat(downHeard.poll(10, TimeUnit.SECONDS)).isEqualTo("orders/live/zero=c qos 0");
            assertThat(downHeard.poll(10, TimeUnit.SECONDS)).as("QoS 2 comes down as 1")
                .isEqualTo("orders/live/two=d qos 1");
            // Down, a message upstream hands over as retained is published retained (the broker's
            // retained count shows it). Mosquitto sets the flag only on what a (re)subscription brings
            // (MQTT 3.1.1 §3.3.1.3): a live one arrives with it clear, so the bridge reconnects here.
            double retained = meters.get("edgecoord.mqtt.retained").gauge().value();
            outside.publish("orders/one", "e".getBytes(StandardCharsets.UTF_8), 1, true);
            upstream.pause();
            try {
                awaitUpstream(Status.OUT_OF_SERVICE);
            }
            finally {
                upstream.resume();
            }
            awaitUpstream(Status.UP);
            Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("edgecoord.mqtt.retained").gauge().value() == retained + 1);

            // Only a retained message reaches a client that subscribes after it was published.
            MqttClient lateOutside = TestMqtt.connect(upstream.port(), null, null);
            BlockingQueue<String> lateUp = new LinkedBlockingQueue<>();
            lateOutside.subscribe("kept/#", 1, (topic, message) -> lateUp.add(heard(topic, message)
                    + (message.isRetained() ? " retained" : "")));
            assertThat(lateUp.poll(10, TimeUnit.SECONDS)).isEqualTo("kept/zero=a qos 0 retained");
            assertThat(lateUp.poll(500, TimeUnit.MILLISECONDS)).isNull();
            lateOutside.disconnect();
            lateOutside.close();
        }
        finally {
            // Empty retained messages clear what the test left upstream (outside's connection ended with
            // the pause), so that another test's reconnect brings nothing down.
            MqttClient cleaner = TestMqtt.connect(upstream.port(), null, null);
            cleaner.publish("orders/one", new byte[0], 1, true);
            cleaner.publish("kept/zero", new byte[0], 1, true);
            local.publish("orders/one", new byte[0], 1, true);
            for (MqttClient client : List.of(local, cleaner)) {
                client.disconnect();
                client.close();
            }
            outside.close(true);
        }
    }

    private static String heard(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
        return topic + "=" + message + " qos " + message.getQos();
    }

    private MqttClient persistentWatcher(List<String> heard) throws Exception {
        MqttClient watcher = new MqttClient(upstream.url(), "bridge-watcher", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(500);
        watcher.setCallback(TestMqtt.payloads(heard::add));
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
