package io.edgecoord.device;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;

/**
 * The whole loop on real parts: the poller reads a simulated device over HTTP, its reading is
 * routed to a task that runs in a real container, the task's result becomes the shadow's desired
 * state, and the shadow service writes it to the device and confirms it by reading it back.
 */
class DeviceLoopIntegrationTests extends CoordinatorIntegrationTest {

    private static final String PROFILE = """
            {"name": "loop-thermostat", "manufacturer": "Acme",
             "resources": [
               {"name": "temperature", "valueType": "FLOAT64", "readWrite": "R", "scale": 0.1,
                "attributes": {"path": "/temperature"}},
               {"name": "setpoint", "valueType": "FLOAT64", "readWrite": "RW", "minimum": 5, "maximum": 30,
                "attributes": {"path": "/setpoint"}}],
             "commands": [{"name": "status", "readWrite": "R", "resources": ["temperature", "setpoint"]}],
             "defaults": {"pollInterval": "1s", "pollSource": "status"}}
            """;

    private static final String COOLER = """
            def handle(event, context):
                values = event["data"]["values"]
                print("temperature", values["temperature"], "setpoint", values["setpoint"])
                return {"setpoint": 18.0} if values["temperature"] > 25 else {}
            """;

    @LocalServerPort
    int port;

    CoordinatorClient client;
    DeviceSimulator simulator;

    @BeforeEach
    void start() throws Exception {
        client = new CoordinatorClient(port);
        simulator = DeviceSimulator.start();
    }

    @AfterEach
    void stop() {
        client.delete("/api/v1/devices/loop-1");
        simulator.close();
    }

    private String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.json(response).path("id").asString();
    }

    @Test
    void aHotReadingMakesATaskLowerTheSetpointOnTheDevice() {
        simulator.device("loop-1").value("temperature", 300).value("setpoint", 22.0);
        created(client.postJson("/api/v1/device-profiles", PROFILE));
        created(client.postJson("/api/v1/tasks", """
                {"name":"loop-cooler","runtime":"python3.11","handler":"m.handle","code":{"inline":%s}}"""
                .formatted(quote(COOLER))));
        String readings = created(client.postJson("/api/v1/subscriptions", """
                {"source":"devices","subject":"devices/loop-1/readings/#","target":"task:loop-cooler"}"""));
        created(client.postJson("/api/v1/subscriptions", """
                {"source":"tasks","subject":"tasks/loop-cooler/results","target":"shadow:loop-1"}"""));

        created(client.postJson("/api/v1/devices", """
                {"name": "loop-1", "profile": "loop-thermostat", "protocol": {"type": "http", "baseUrl": "%s"},
                 "polling": {"interval": "1s"}}""".formatted(simulator.baseUrl("loop-1"))));

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> simulator.device("loop-1").value("setpoint") != null
                        && simulator.device("loop-1").value("setpoint").asDouble() == 18.0);
        JsonNode shadow = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> client.json(client.get("/api/v1/devices/loop-1/shadow")),
                doc -> doc.path("state").path("reported").path("setpoint").asDouble() == 18.0);
        assertThat(shadow.path("state").path("desired").path("setpoint").asDouble()).isEqualTo(18.0);
        assertThat(shadow.path("state").path("delta").path("setpoint").isMissingNode()).isTrue();
        JsonNode invocation = client.json(client.get("/api/v1/invocations?task=loop-cooler&status=SUCCEEDED"))
                .path("items").get(0);
        assertThat(invocation.path("cause").path("subscription").asString()).isEqualTo(readings);
        assertThat(invocation.path("cause").path("topic").asString()).startsWith("devices/loop-1/readings/");
    }
}
