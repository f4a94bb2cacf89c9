package io.edgecoord.deployment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestCode;
import io.edgecoord.support.TestDataDir;
import io.edgecoord.support.TestKeys;
import io.edgecoord.support.TestMqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A realistic Greengrass v1 group export (two functions, one pinned; subscriptions between a
 * thing, the functions, the shadow service and the cloud; a connector; a local resource) imported
 * with a zip per function: its dry-run diff, what cannot be mapped, then applied, and both
 * functions invoked by a publish on the thing's topic on the coordinator's broker. Tasks run as
 * plain processes: what is tested is the import, not Docker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"edgecoord.execution.docker.host=unix:///tmp/edgecoord-no-such-engine.sock",
                "edgecoord.execution.backend=process"})
class GreengrassImportTests {

    @LocalServerPort
    int port;

    @Value("${local.mqtt.port}")
    int mqttPort;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        TestDataDir.register(registry);
    }

    @Test
    void aGroupExportBecomesABundleThatRunsItsFunctionsOnTheThingsPublishes() throws Exception {
        CoordinatorClient client = new CoordinatorClient(port);

        HttpResponse<String> dry = importGroup(false);

        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode answer = client.json(dry);
        JsonNode diff = answer.path("deployment").path("diff");
        assertThat(answer.path("deployment").path("dryRun").asBoolean()).isTrue();
        assertThat(diff.path("tasks").path("created").toString()).isEqualTo("[\"TemperatureHandler\",\"HelloWorldPinned\"]");
        assertThat(diff.path("aliases").path("created").toString()).isEqualTo("[\"TemperatureHandler:live\"]");
        assertThat(diff.path("devices").path("created").toString()).isEqualTo("[\"Sensor1\"]");
        assertThat(diff.path("subscriptions").path("created").toString())
            .contains("mqtt sensors/sensor1/temperature -> function:TemperatureHandler")
            .contains("mqtt sensors/sensor1/temperature -> function:HelloWorldPinned");
        String unmapped = answer.path("unmapped").toString();
        assertThat(unmapped).contains("connectors[0] (arn:aws:greengrass:eu-west-1::/connectors/TwilioNotifications/versions/4)")
            .contains("subscriptions[6] (twilio)")
            .contains("subscriptions[5] (hello-to-cloud)")
            .contains("functions[1] (arn:aws:lambda:eu-west-1:123456789012:function:HelloWorldPinned:3).Execution.RunAs")
            .contains("Environment.ResourceAccessPolicies[0] (serial-port)")
            .contains("resources[0] (SerialPort)")
            .contains("devices[0] (arn:aws:iot:eu-west-1:123456789012:thing/Sensor1).SyncShadow");
        assertThat(answer.path("bundle").asString()).contains("pinned: true").contains("memoryMb: 64").contains("memoryMb: 128")
            .doesNotContain("zipBase64");
        assertThat(answer.path("approximated").toString()).contains("16384 KB becomes 64 MB")
            .contains("python3.8 runs on edgecoord's python3.11")
            .contains("subscriptions[4] (shadow-delta-to-sensor)").contains("subscriptions[3] (shadow-to-handler)");
        assertThat(client.get("/api/v1/tasks/TemperatureHandler").statusCode()).isEqualTo(404);

        HttpResponse<String> applied = importGroup(true);

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        assertThat(client.json(applied).path("deployment").path("version").asInt()).isPositive();
        JsonNode task = client.json(client.get("/api/v1/tasks/TemperatureHandler")).path("version");
        assertThat(task.path("memoryMb").asInt()).isEqualTo(64);
        assertThat(task.path("permissions").path("shadows").path("write").toString()).isEqualTo("[\"Sensor1\"]");
        assertThat(client.get("/api/v1/devices/Sensor1").statusCode()).isEqualTo(200);
        MqttClient sensor = TestMqtt.admin(mqttPort);
        try {
            sensor.publish("sensors/sensor1/temperature", "{\"t\": 31.5}".getBytes(StandardCharsets.UTF_8), 1, false);
        }
        finally {
            sensor.disconnect();
            sensor.close();
        }
        await().atMost(60, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(succeeded(client, "TemperatureHandler"))
                .contains("\"handled\":{\"t\":31.5}", "\"subject\":\"sensors/sensor1/temperature\"");
            assertThat(succeeded(client, "HelloWorldPinned")).contains("\"hello\":{\"t\":31.5}");
        });
    }

    @Test
    void aJsonImportNamesCodeByItsSha256AndIsRefusedNamingTheItemWhenNoneIsStored() {
        CoordinatorClient client = new CoordinatorClient(port);

        HttpResponse<String> refused = client.postJson("/api/v1/deployments/import/greengrass-v1", """
                {"functionDefinitionVersion": {"Definition": {"Functions": [
                   {"Id": "a", "FunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:JsonOnly:1",
                    "FunctionConfiguration": {"Executable": "m.h", "MemorySize": 131072, "Timeout": 3}}]}},
                 "functions": {"JsonOnly": {"runtime": "python3.11", "codeSha256": "%s"}}}
                """.formatted("0".repeat(64)));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(client.json(refused).path("item").asString()).isEqualTo("tasks[0] (JsonOnly).code.sha256");
        HttpResponse<String> unnamed = client.postJson("/api/v1/deployments/import/greengrass-v1",
                "{\"functionDefinitionVersion\": {\"Definition\": {\"Functions\": [{\"FunctionArn\": \"x\"}]}}}");
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(client.json(unnamed).path("type").asString()).endsWith("/invalid-greengrass-group");
        assertThat(client.get("/api/v1/tasks/JsonOnly").statusCode()).isEqualTo(404);
    }

    private static String succeeded(CoordinatorClient client, String task) {
        JsonNode items = client.json(client.get("/api/v1/invocations?task=" + task + "&status=SUCCEEDED")).path("items");
        return items.toString();
    }

    private HttpResponse<String> importGroup(boolean apply) throws IOException, InterruptedException {
        String group;
        try (InputStream in = getClass().getResourceAsStream("/greengrass/group-export.json")) {
            group = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, byte[]> zips = new LinkedHashMap<>();
        zips.put("TemperatureHandler", TestCode.zip(Map.of("handler.py", """
                import os
                def function_handler(event, context):
                    custom = getattr(getattr(context, "client_context", None), "custom", None) or {}
                    return {"handled": event, "subject": custom.get("subject"), "threshold": os.environ["THRESHOLD"]}
                """)));
        zips.put("HelloWorldPinned", TestCode.zip(Map.of("hello.py", """
                started = True  # module-level code runs once, when the pinned environment starts
                def function_handler(event, context):
                    return {"hello": event, "started": started}
                """)));
        String boundary = "gg-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"group\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + group + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> zip : zips.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + zip.getKey()
                    + "\"; filename=\"" + zip.getKey() + ".zip\"\r\nContent-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
            body.write(zip.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/deployments/import/greengrass-v1" + (apply ? "?apply=true" : "")))
            .header("Authorization", "Bearer " + TestKeys.ADMIN)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
