package io.edgecoord.routing;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.TestMqtt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's proof, in a real container: a device simulator publishes JSON telemetry on the
 * broker; its readings (source {@code devices}) and a raw MQTT message (source {@code mqtt})
 * reach a subscribed Python task, whose results go out on an {@code mqtt:<topic>} target that an
 * external Paho subscriber receives. Keys without the topics cannot make such subscriptions.
 */
class MqttRoutingIntegrationTests extends CoordinatorIntegrationTest {

    private static final String HANDLER = """
            def handle(event, context):
                data = event["data"]
                if event["type"] == "device.readings":
                    return {"kind": "reading", "temperature": data["values"].get("temperature")}
                return {"kind": "raw", "topic": event["subject"], "payload": data}
            """;

    @LocalServerPort
    int port;

    @Value("${local.mqtt.port}")
    int mqttPort;

    @Test
    void telemetryAndRawMessagesReachATaskWhoseResultsAnExternalSubscriberReceives() throws Exception {
        CoordinatorClient api = new CoordinatorClient(port);
        api.postJson("/api/v1/device-profiles", """
                {"name": "mqtt-route-thermo", "resources": [
                  {"name": "temperature", "valueType": "FLOAT64", "readWrite": "R", "scale": 0.1,
                   "attributes": {"pointer": "/env/t"}}], "defaults": {"pollInterval": "10s"}}""");
        created(api.postJson("/api/v1/devices", """
                {"name": "th-r1", "profile": "mqtt-route-thermo", "protocol": {"type": "mqtt"}}"""));
        created(api.postJson("/api/v1/tasks", """
                {"name":"mqtt-route-task","runtime":"python3.11","handler":"m.handle","code":{"inline":%s},
                 "permissions":{"subscribe":["lab/#"]}}"""
            .formatted(CoordinatorClient.quote(HANDLER))));
        created(api.postJson("/api/v1/subscriptions", """
                {"source": "devices", "subject": "devices/th-r1/readings/#", "target": "task:mqtt-route-task"}"""));
        created(api.postJson("/api/v1/subscriptions", """
                {"source": "mqtt", "subject": "lab/+/raw", "target": "task:mqtt-route-task"}"""));
        created(api.postJson("/api/v1/subscriptions", """
                {"source": "tasks", "subject": "tasks/mqtt-route-task/results", "target": "mqtt:plant/th-r1/results"}"""));

        BlockingQueue<String> results = new LinkedBlockingQueue<>();
        MqttClient outside = TestMqtt.admin(mqttPort);
        MqttClient device = TestMqtt.admin(mqttPort);
        try {
            outside.subscribe("plant/th-r1/results", 1,
                    (topic, message) -> results.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            device.publish("devices/th-r1/telemetry", "{\"env\": {\"t\": 215}}".getBytes(), 1, false);
            device.publish("lab/bench-3/raw", "{\"volts\": 3.3}".getBytes(), 1, false);

            String first = results.poll(90, TimeUnit.SECONDS);
            String second = results.poll(60, TimeUnit.SECONDS);
            assertThat(first).as("a result on the mqtt target").isNotNull();
            assertThat(second).as("a second result on the mqtt target").isNotNull();
            assertThat(first + second).contains("\"kind\":\"reading\"").contains("\"temperature\":21.5")
                .contains("\"kind\":\"raw\"").contains("lab/bench-3/raw").contains("\"volts\":3.3");
            JsonNode shadow = api.json(api.get("/api/v1/devices/th-r1/shadow"));
            assertThat(shadow.at("/state/reported/temperature").asDouble()).isEqualTo(21.5);
        }
        finally {
            outside.disconnect();
            device.disconnect();
            outside.close();
            device.close();
        }
    }

    @Test
    void aKeyMayRouteOnlyTheTopicsItMayReadAndPublish() {
        CoordinatorClient admin = new CoordinatorClient(port);
        HttpResponse<String> key = admin.postJson("/api/v1/keys", """
                {"name": "router", "scopes": ["deploy"],
                 "topics": {"publish": ["plant/+/results"], "subscribe": ["lab/#"]}}""");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        CoordinatorClient limited = admin.withKey(admin.json(key).path("token").asString());

        created(limited.postJson("/api/v1/subscriptions", """
                {"source": "mqtt", "subject": "lab/+/raw", "target": "task:mqtt-route-none"}"""));
        assertThat(limited.postJson("/api/v1/subscriptions", """
                {"source": "mqtt", "subject": "#", "target": "task:mqtt-route-none"}""").statusCode()).isEqualTo(403);
        assertThat(limited.postJson("/api/v1/subscriptions", """
                {"source": "tasks", "subject": "tasks/x/results", "target": "mqtt:other/topic"}""").statusCode())
            .isEqualTo(403);
    }

    @Test
    void anMqttSubscriptionForATaskWithoutTheSubscribePermissionIsRefusedAsAProblem() {
        CoordinatorClient api = new CoordinatorClient(port);
        created(api.postJson("/api/v1/tasks", """
                {"name":"mqtt-route-narrow","runtime":"python3.11","handler":"m.handle","code":{"inline":%s},
                 "permissions":{"subscribe":["lab/+/raw"]}}""".formatted(CoordinatorClient.quote(HANDLER))));

        HttpResponse<String> refused = api.postJson("/api/v1/subscriptions", """
                {"source": "mqtt", "subject": "lab/#", "target": "task:mqtt-route-narrow"}""");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = api.json(refused);
        assertThat(problem.path("type").asString()).isEqualTo("https://edgecoord.io/problems/permission-denied");
        assertThat(problem.path("permission").asString()).isEqualTo("subscribe");
        assertThat(problem.path("target").asString()).isEqualTo("lab/#");
        created(api.postJson("/api/v1/subscriptions", """
                {"source": "mqtt", "subject": "lab/bench-1/raw", "target": "function:mqtt-route-narrow"}"""));
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }
}
