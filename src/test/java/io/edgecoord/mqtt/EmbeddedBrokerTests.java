package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestKeys;
import io.edgecoord.support.TestMqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded broker in a whole coordinator on loopback, with Paho and mosquitto's own clients:
 * keys connect, wrong ones and anonymous clients do not, and topics are what each key's filters say.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "edgecoord.device.network.allow=127.0.0.0/8",
        "spring.datasource.url=jdbc:h2:mem:mqtt-broker;DB_CLOSE_DELAY=-1" })
class EmbeddedBrokerTests {

    @LocalServerPort
    int httpPort;

    @Autowired
    EmbeddedBroker broker;

    @Autowired
    MeterRegistry meters;

    private final List<MqttClient> clients = new ArrayList<>();

    @AfterEach
    void disconnect() throws MqttException {
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                client.disconnectForcibly(1000);
            }
            client.close();
        }
    }

    @Autowired
    EmbeddedBrokerHealth health;

    @Test
    void itsHealthIsUpWithItsPortWhileItListens() {
        var status = health.health();
        assertThat(status.getStatus().getCode()).isEqualTo("UP");
        assertThat(status.getDetails()).containsEntry("mode", "embedded").containsKey("clients");
        assertThat(status.getDetails().get("ports").toString()).contains(String.valueOf(broker.port()));
    }

    @Test
    void anAdminKeyPublishesAndReceivesRetainedAndQos1Messages() throws Exception {
        MqttClient publisher = connect(TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET);
        publisher.publish("plant/line1/state", "running".getBytes(StandardCharsets.UTF_8), 1, true);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = connect(TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET);
        subscriber.subscribe("plant/#", 1, (topic, message) -> received.add(topic + "=" + message));

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("plant/line1/state=running");
        publisher.publish("plant/line1/count", "7".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("plant/line1/count=7");
        // Moquette runs interceptors (the meters among them) on its own executor, after delivery may have happened.
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(
                meters.get("edgecoord.mqtt.messages").tag("direction", "in").counter().count()).isGreaterThanOrEqualTo(2));
        assertThat(meters.get("edgecoord.mqtt.clients").gauge().value()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theRetainedGaugeCountsTopicsWithARetainedMessageAndForgetsClearedOnes() throws Exception {
        double before = meters.get("edgecoord.mqtt.retained").gauge().value();
        MqttClient client = connect(TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET);

        client.publish("meters/retained/a", "kept".getBytes(StandardCharsets.UTF_8), 1, true);
        broker.publish("meters/retained/b", "kept too".getBytes(StandardCharsets.UTF_8), 0, true);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("edgecoord.mqtt.retained").gauge().value() == before + 2);
        client.publish("meters/retained/a", new byte[0], 1, true);
        broker.publish("meters/retained/b", new byte[0], 0, true);

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("edgecoord.mqtt.retained").gauge().value() == before);
    }

    @Test
    void aRetainedMessageOfTheCoordinatorsIsKeptAtQos0WhileAClientsAtQos0IsNotAsMoquetteDoes() throws Exception {
        MqttClient client = connect(TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET);
        client.publish("meters/qos0/client", "gone".getBytes(StandardCharsets.UTF_8), 0, true);
        broker.publish("meters/qos0/coordinator", "kept".getBytes(StandardCharsets.UTF_8), 0, true);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();

        MqttClient later = connect(TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET);
        later.subscribe("meters/qos0/#", 1, (topic, message) -> received.add(topic + "=" + message));

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("meters/qos0/coordinator=kept");
        assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
        broker.publish("meters/qos0/coordinator", new byte[0], 0, true);
    }

    @Test
    void mosquittoClientsWithAKeyOfTheTopicsPublishAndReceive() throws Exception {
        JsonNode key = createKey("""
                {"name": "sensor", "scopes": ["read"],
                 "topics": {"publish": ["sensors/s1/#"], "subscribe": ["sensors/+/telemetry"]}}""");
        String id = key.get("id").asString();
        String secret = key.get("secret").asString();
        assertThat(key.get("topics").get("publish").get(0).asString()).isEqualTo("sensors/s1/#");

        List<String> pub = new ArrayList<>(List.of("mosquitto_pub"));
        pub.addAll(MosquittoClients.connection(broker.port(), id, secret));
        pub.addAll(List.of("-t", "sensors/s1/telemetry", "-m", "{\"t\":21.5}", "-q", "1", "-r"));
        MosquittoClients.Run published = MosquittoClients.run(pub);
        assertThat(published.exitCode()).as(published.output()).isZero();

        List<String> sub = new ArrayList<>(List.of("mosquitto_sub"));
        sub.addAll(MosquittoClients.connection(broker.port(), id, secret));
        sub.addAll(List.of("-t", "sensors/+/telemetry", "-C", "1", "-W", "10", "-v"));
        MosquittoClients.Run received = MosquittoClients.run(sub);
        assertThat(received.exitCode()).as(received.output()).isZero();
        assertThat(received.output().strip()).isEqualTo("sensors/s1/telemetry {\"t\":21.5}");
    }

    @Test
    void aWrongSecretAnUnknownKeyAndAnAnonymousClientAreRefused() throws Exception {
        assertThatThrownBy(() -> connect(TestKeys.ADMIN_ID, "not-the-secret-0123456789abcdefghijkl"))
                .isInstanceOf(MqttSecurityException.class);
        assertThatThrownBy(() -> connect("ECNOSUCHKEY000000001", TestKeys.ADMIN_SECRET))
                .isInstanceOf(MqttSecurityException.class);
        assertThatThrownBy(() -> connect(null, null)).isInstanceOf(MqttSecurityException.class);

        List<String> sub = new ArrayList<>(List.of("mosquitto_sub"));
        sub.addAll(MosquittoClients.connection(broker.port(), TestKeys.ADMIN_ID, "wrong-secret-0123456789abcdefghijklmn"));
        sub.addAll(List.of("-t", "#", "-C", "1", "-W", "5"));
        MosquittoClients.Run refused = MosquittoClients.run(sub);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("Connection Refused: bad user name or password");
        assertThat(meters.get("edgecoord.mqtt.refused").tag("reason", "authentication").counter().count())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aKeyWithoutTheTopicIsRefusedAtSubscribeAndItsPublishIsDropped() throws Exception {
        JsonNode key = createKey("""
                {"name": "narrow", "scopes": ["read"],
                 "topics": {"publish": ["narrow/out"], "subscribe": ["narrow/in"]}}""");
        MqttClient narrow = connect(key.get("id").asString(), key.get("secret").asString());
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        MqttClient admin = connect(TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET);
        IMqttMessageListener listener = (topic, message) -> seen.add(topic + "=" + message);
        admin.subscribe(new String[] { "narrow/#", "other/#" }, new int[] { 1, 1 },
                new IMqttMessageListener[] { listener, listener });

        assertThat(narrow.subscribeWithResponse("other/#", 1).getGrantedQos()).containsExactly(128);
        assertThat(narrow.subscribeWithResponse("narrow/in", 1).getGrantedQos()).containsExactly(1);
        assertThatThrownBy(() -> narrow.publish("other/topic", "forbidden".getBytes(StandardCharsets.UTF_8), 1, false))
                .isInstanceOf(MqttException.class);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !narrow.isConnected());
        MqttClient again = connect(key.get("id").asString(), key.get("secret").asString());
        again.publish("narrow/out", "allowed".getBytes(StandardCharsets.UTF_8), 1, false);

        assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("narrow/out=allowed");
        assertThat(meters.get("edgecoord.mqtt.refused").tag("reason", "publish").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("edgecoord.mqtt.refused").tag("reason", "subscribe").counter().count()).isGreaterThanOrEqualTo(1);

        List<String> sub = new ArrayList<>(List.of("mosquitto_sub"));
        sub.addAll(MosquittoClients.connection(broker.port(), key.get("id").asString(), key.get("secret").asString()));
        sub.addAll(List.of("-t", "other/#", "-C", "1", "-W", "5"));
        MosquittoClients.Run denied = MosquittoClients.run(sub);
        assertThat(denied.output()).containsIgnoringCase("denied");
    }

    @Test
    void aKeyWithAMalformedTopicFilterIsNotCreated() {
        var response = new CoordinatorClient(httpPort).postJson("/api/v1/keys", """
                {"name": "bad", "scopes": ["read"], "topics": {"subscribe": ["a/#/b"]}}""");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void noDeviceMayBePointedAtTheBrokersPort() {
        CoordinatorClient client = new CoordinatorClient(httpPort);
        client.postJson("/api/v1/device-profiles", """
                {"name": "broker-probe", "resources": [{"name": "power", "valueType": "FLOAT64", "readWrite": "R"}]}""");
        var response = client.postJson("/api/v1/devices", """
                {"name": "at-broker", "profile": "broker-probe", "adminState": "LOCKED",
                 "protocol": {"type": "http", "baseUrl": "http://127.0.0.1:%d/"}}""".formatted(broker.port()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("a port the coordinator itself listens on");
    }

    private JsonNode createKey(String body) {
        CoordinatorClient client = new CoordinatorClient(httpPort);
        var response = client.postJson("/api/v1/keys", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.json(response);
    }

    private MqttClient connect(String id, String secret) throws MqttException {
        MqttClient client = TestMqtt.connect(broker.port(), id, secret);
        clients.add(client);
        return client;
    }
}
