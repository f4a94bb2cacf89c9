package io.edgecoord.shadow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestMqtt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS IoT's shadow topics against the coordinator's broker, with AWS's example documents: an
 * update is accepted (with its documents and delta), a get answers the document, a stale version
 * and bad JSON are rejected with AWS's codes and messages, a delete is accepted, and every answer
 * echoes the request's clientToken.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "edgecoord.device.network.allow=127.0.0.0/8",
        "spring.datasource.url=jdbc:h2:mem:mqtt-broker;DB_CLOSE_DELAY=-1" })
class MqttShadowsTests {

    @LocalServerPort
    int httpPort;

    @Value("${local.mqtt.port}")
    int mqttPort;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private MqttClient device;
    private String thing;

    @BeforeEach
    void connect() throws Exception {
        thing = "lamp-" + Long.toHexString(System.nanoTime());
        CoordinatorClient client = new CoordinatorClient(httpPort);
        client.postJson("/api/v1/device-profiles", """
                {"name": "mqtt-lamp", "resources": [{"name": "color", "valueType": "STRING", "readWrite": "RW"}]}""");
        var registered = client.postJson("/api/v1/devices", """
                {"name": "%s", "profile": "mqtt-lamp", "adminState": "LOCKED",
                 "protocol": {"type": "http", "baseUrl": "http://127.0.0.1:9"}}""".formatted(thing));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        device = TestMqtt.admin(mqttPort);
        device.subscribe("$aws/things/" + thing + "/shadow/#", 1,
                (topic, message) -> received.add(new String[] { topic, new String(message.getPayload(), StandardCharsets.UTF_8) }));
    }

    @AfterEach
    void disconnect() throws Exception {
        device.disconnect();
        device.close();
    }

    @Test
    void anUpdateIsAcceptedWithItsDocumentsAndDeltaAndAGetAnswersTheDocument() throws Exception {
        // AWS's example request state document (desired and reported), with a client token.
        request("update", """
                {"state": {"desired": {"color": "RED", "state": "STOP"}, "reported": {"color": "GREEN", "engine": "ON"}},
                 "clientToken": "token-1"}""");

        JsonNode accepted = next("update/accepted");
        assertThat(accepted.path("clientToken").asString()).isEqualTo("token-1");
        assertThat(accepted.path("version").asLong()).isEqualTo(1);
        assertThat(accepted.path("state").path("desired").path("color").asString()).isEqualTo("RED");
        JsonNode documents = next("update/documents");
        assertThat(documents.path("previous").path("version").asLong()).isZero();
        assertThat(documents.path("current").path("version").asLong()).isEqualTo(1);
        assertThat(documents.path("current").path("state").path("reported").path("engine").asString()).isEqualTo("ON");
        assertThat(documents.path("clientToken").asString()).isEqualTo("token-1");
        JsonNode delta = next("update/delta");
        assertThat(delta.path("state").path("color").asString()).isEqualTo("RED");
        assertThat(delta.path("state").path("state").asString()).isEqualTo("STOP");
        assertThat(delta.path("version").asLong()).isEqualTo(1);

        request("get", "{\"clientToken\": \"token-2\"}");
        JsonNode got = next("get/accepted");
        assertThat(got.path("clientToken").asString()).isEqualTo("token-2");
        assertThat(got.path("state").path("delta").path("color").asString()).isEqualTo("RED");
        assertThat(got.path("state").path("reported").path("color").asString()).isEqualTo("GREEN");
        assertThat(got.path("metadata").path("desired").path("color").path("timestamp").isNumber()).isTrue();
    }

    @Test
    void aStaleVersionIsRejectedWithAwsCodeAndMessageAndTheClientToken() throws Exception {
        request("update", "{\"state\": {\"reported\": {\"color\": \"GREEN\"}}}");
        next("update/accepted");
        request("update", "{\"state\": {\"reported\": {\"color\": \"BLUE\"}}, \"version\": 7, \"clientToken\": \"stale\"}");

        JsonNode rejected = next("update/rejected");
        assertThat(rejected.path("code").asInt()).isEqualTo(409);
        assertThat(rejected.path("message").asString()).isEqualTo("Version conflict");
        assertThat(rejected.path("clientToken").asString()).isEqualTo("stale");
        assertThat(rejected.path("timestamp").isNumber()).isTrue();

        request("update", "{\"state\": {\"reported\": {\"color\": \"BLUE\"}}, \"version\": 1, \"clientToken\": \"fresh\"}");
        JsonNode accepted = next("update/accepted");
        assertThat(accepted.path("version").asLong()).isEqualTo(2);
        assertThat(accepted.path("clientToken").asString()).isEqualTo("fresh");
    }

    @Test
    void badJsonAndABadDocumentAreRejectedAsAwsRejectsThem() throws Exception {
        request("update", "{not json");
        JsonNode invalid = next("update/rejected");
        assertThat(invalid.path("code").asInt()).isEqualTo(400);
        assertThat(invalid.path("message").asString()).isEqualTo("Payload contains invalid json");

        request("update", "{\"clientToken\": \"no-state\"}");
        JsonNode noState = next("update/rejected");
        assertThat(noState.path("code").asInt()).isEqualTo(400);
        assertThat(noState.path("clientToken").asString()).isEqualTo("no-state");
        assertThat(noState.path("message").asString()).isNotBlank();
    }

    @Test
    void aDeleteIsAcceptedAndTheShadowIsThenNotFound() throws Exception {
        request("update", "{\"state\": {\"desired\": {\"color\": \"RED\"}}}");
        next("update/accepted");

        request("delete", "{\"clientToken\": \"bye\"}");
        JsonNode deleted = next("delete/accepted");
        assertThat(deleted.path("version").asLong()).isEqualTo(1);
        assertThat(deleted.path("clientToken").asString()).isEqualTo("bye");

        request("get", "");
        JsonNode missing = next("get/rejected");
        assertThat(missing.path("code").asInt()).isEqualTo(404);
        assertThat(missing.path("message").asString()).isEqualTo("No shadow exists with name: classic");
    }

    @Test
    void anUpdateThroughTheRestApiIsAnnouncedOnTheShadowTopicsToo() throws Exception {
        var patched = new CoordinatorClient(httpPort).request("PATCH", "/api/v1/devices/" + thing + "/shadow",
                "application/json", "{\"state\": {\"desired\": {\"color\": \"WHITE\"}}, \"clientToken\": \"rest\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        JsonNode accepted = next("update/accepted");
        assertThat(accepted.path("clientToken").asString()).isEqualTo("rest");
        assertThat(accepted.path("state").path("desired").path("color").asString()).isEqualTo("WHITE");
    }

    private void request(String operation, String payload) throws Exception {
        device.publish("$aws/things/" + thing + "/shadow/" + operation, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** The next message on {@code .../shadow/<suffix>}, taken off the list of those received. */
    private JsonNode next(String suffix) {
        String topic = "$aws/things/" + thing + "/shadow/" + suffix;
        String[] message = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> received.stream().filter(m -> m[0].equals(topic)).findFirst().orElse(null), m -> m != null);
        received.remove(message);
        return json.readTree(message[1]);
    }
}
