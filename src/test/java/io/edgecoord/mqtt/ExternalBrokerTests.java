package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestMqtt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole coordinator in external mode, a client of a real mosquitto on loopback: what it publishes
 * reaches mosquitto's subscribers, what they publish reaches its listeners (its own messages do not
 * come back), AWS's shadow topics are answered over mosquitto, and it connects again after an outage.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "edgecoord.mqtt.mode=external", "edgecoord.mqtt.external.reconnect-min=100ms",
        "edgecoord.mqtt.external.reconnect-max=500ms", "edgecoord.device.network.allow=127.0.0.0/8",
        "spring.datasource.url=jdbc:h2:mem:mqtt-external;DB_CLOSE_DELAY=-1" })
class ExternalBrokerTests {

    static TestMosquitto mosquitto;

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) throws Exception {
        mosquitto = TestMosquitto.start();
        registry.add("edgecoord.mqtt.external.url", mosquitto::url);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        mosquitto.close();
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    MqttPublisher publisher;

    @Autowired
    MqttSubscriptions subscriptions;

    @Autowired
    MqttHealthIndicator health;

    @Test
    void publishesToMosquittosSubscribersAndHearsTheirMessagesButNotItsOwn() throws Exception {
        awaitConnected();
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        subscriptions.onPublish("plant/+/state", message -> heard.add(message.topic() + "="
                + new String(message.payload(), StandardCharsets.UTF_8)));
        MqttClient outside = TestMqtt.connect(mosquitto.port(), null, null);
        BlockingQueue<String> outsideHeard = new LinkedBlockingQueue<>();
        outside.subscribe("plant/#", 1, (topic, message) -> outsideHeard.add(topic + "=" + message));
        Thread.sleep(300); // the coordinator's SUBSCRIBE is asynchronous

        publisher.publish("plant/line1/state", "mine".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(outsideHeard.poll(10, TimeUnit.SECONDS)).isEqualTo("plant/line1/state=mine");
        outside.publish("plant/line2/state", "theirs".getBytes(StandardCharsets.UTF_8), 1, false);

        assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("plant/line2/state=theirs");
        assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).isNull();
        outside.disconnect();
        outside.close();
    }

    @Test
    void aShadowUpdateOverMosquittoGetsItsAcceptedReply() throws Exception {
        awaitConnected();
        String thing = "lamp-" + Long.toHexString(System.nanoTime());
        CoordinatorClient client = new CoordinatorClient(httpPort);
        client.postJson("/api/v1/device-profiles", """
                {"name": "ext-lamp", "resources": [{"name": "color", "valueType": "STRING", "readWrite": "RW"}]}""");
        var registered = client.postJson("/api/v1/devices", """
                {"name": "%s", "profile": "ext-lamp", "adminState": "LOCKED",
                 "protocol": {"type": "http", "baseUrl": "http://127.0.0.1:9"}}""".formatted(thing));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        MqttClient device = TestMqtt.connect(mosquitto.port(), null, null);
        List<String> received = new CopyOnWriteArrayList<>();
        device.subscribe("$aws/things/" + thing + "/shadow/#", 1,
                (topic, message) -> received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));

        device.publish("$aws/things/" + thing + "/shadow/update",
                "{\"state\": {\"reported\": {\"color\": \"GREEN\"}}, \"clientToken\": \"t-1\"}".getBytes(StandardCharsets.UTF_8),
                1, false);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received)
                .anySatisfy(line -> assertThat(line).startsWith("$aws/things/" + thing + "/shadow/update/accepted ")
                        .contains("\"clientToken\":\"t-1\"").contains("GREEN")));
        device.disconnect();
        device.close();
    }

    @Test
    void connectsAgainAfterTheBrokerWasDownAndHealthShowsIt() throws Exception {
        awaitConnected();
        mosquitto.pause();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(Status.DOWN));
        assertThat(health.health().getDetails()).containsKey("error");

        mosquitto.resume();

        awaitConnected();
        MqttClient outside = TestMqtt.connect(mosquitto.port(), null, null);
        BlockingQueue<String> outsideHeard = new LinkedBlockingQueue<>();
        outside.subscribe("after/#", 1, (topic, message) -> outsideHeard.add(message.toString()));
        publisher.publish("after/outage", "back".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(outsideHeard.poll(10, TimeUnit.SECONDS)).isEqualTo("back");
        outside.disconnect();
        outside.close();
    }

    private void awaitConnected() {
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(Status.UP));
    }
}
