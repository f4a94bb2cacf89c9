package io.edgecoord.mqtt;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.TestMqtt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In external mode, over a real mosquitto, the coordinator enforces what it decides itself as it
 * does in embedded mode: a task publishes only within its {@code permissions.publish}, hears only
 * within its {@code permissions.subscribe}, and a subscription reads no topic its creator's key
 * may not. Who may connect to mosquitto is mosquitto's business, not tested here.
 */
@TestPropertySource(properties = { CoordinatorIntegrationTest.VARIANT + "=mqtt-external", "edgecoord.mqtt.mode=external",
        "edgecoord.mqtt.external.reconnect-min=100ms", "edgecoord.mqtt.external.reconnect-max=500ms" })
class ExternalModeRightsIntegrationTests extends CoordinatorIntegrationTest {

    private static final String HANDLER = """
            import json, os, http.client
            def handle(event, context):
                if "publish" not in event:
                    return {"heard": event["subject"]}
                conn = http.client.HTTPConnection(os.environ["AWS_LAMBDA_RUNTIME_API"], timeout=10)
                conn.request("POST", "/edgecoord/v1/publish", body=json.dumps({"topic": event["publish"], "payload": "x"}))
                response = conn.getresponse()
                return {"status": response.status, "body": json.loads(response.read() or b"null")}
            """;

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
    int port;

    @Autowired
    MqttHealthIndicator health;

    @Test
    void aTaskPublishesAndHearsOnlyWhatItsPermissionsNameAndAKeyRoutesOnlyItsTopics() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(Status.UP));
        CoordinatorClient api = new CoordinatorClient(port);
        HttpResponse<String> deployed = api.postJson("/api/v1/tasks", """
                {"name":"ext-rights","runtime":"python3.11","handler":"m.handle","code":{"inline":%s},
                 "permissions":{"publish":["ext/out/#"],"subscribe":["ext/in/+"]}}"""
            .formatted(CoordinatorClient.quote(HANDLER)));
        assertThat(deployed.statusCode()).as(deployed.body()).isIn(200, 201);
        MqttClient outside = TestMqtt.connect(mosquitto.port(), null, null);
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        outside.subscribe("ext/#", 1, (topic, message) -> heard.add(topic));
        try {
            JsonNode allowed = api.json(api.invoke("ext-rights", "{\"publish\": \"ext/out/a\"}"));
            JsonNode denied = api.json(api.invoke("ext-rights", "{\"publish\": \"ext/secret\"}"));
            assertThat(allowed.path("status").asInt()).as(allowed.toString()).isEqualTo(200);
            assertThat(denied.path("status").asInt()).as(denied.toString()).isEqualTo(403);
            assertThat(denied.at("/body/permission").asString()).isEqualTo("publish");
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("ext/out/a");
            assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).as("the denied publish reached mosquitto").isNull();

            HttpResponse<String> beyondTask = api.postJson("/api/v1/subscriptions", """
                    {"source": "mqtt", "subject": "ext/#", "target": "task:ext-rights"}""");
            assertThat(beyondTask.statusCode()).as(beyondTask.body()).isEqualTo(403);
            assertThat(api.json(beyondTask).path("permission").asString()).isEqualTo("subscribe");
            HttpResponse<String> key = api.postJson("/api/v1/keys", """
                    {"name": "ext-router", "scopes": ["deploy"], "topics": {"subscribe": ["ext/in/b"]}}""");
            assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
            CoordinatorClient limited = api.withKey(api.json(key).path("token").asString());
            assertThat(limited.postJson("/api/v1/subscriptions", """
                    {"source": "mqtt", "subject": "ext/in/+", "target": "task:ext-rights"}""").statusCode())
                .as("beyond the creator's key").isEqualTo(403);
            HttpResponse<String> routed = limited.postJson("/api/v1/subscriptions", """
                    {"source": "mqtt", "subject": "ext/in/b", "target": "task:ext-rights"}""");
            assertThat(routed.statusCode()).as(routed.body()).isEqualTo(201);

            outside.publish("ext/in/b", "{}".getBytes(StandardCharsets.UTF_8), 1, false);
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    api.json(api.get("/api/v1/invocations?task=ext-rights")).path("items").toString())
                .contains("ext/in/b"));
        }
        finally {
            outside.disconnect();
            outside.close();
        }
    }
}
