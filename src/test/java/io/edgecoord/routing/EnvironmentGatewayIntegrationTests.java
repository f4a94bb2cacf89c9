package io.edgecoord.routing;

import static io.edgecoord.support.CoordinatorClient.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.TestMqtt;

/**
 * A task calls the coordinator from inside its container, through its own Runtime API endpoint,
 * and reaches only what its version's permissions name.
 */
class EnvironmentGatewayIntegrationTests extends CoordinatorIntegrationTest {

    private static final String CALLER = """
            import json, os, http.client
            def handle(event, context):
                conn = http.client.HTTPConnection(os.environ["AWS_LAMBDA_RUNTIME_API"], timeout=10)
                conn.request(event.get("method", "POST"), "/edgecoord/v1/" + event["path"],
                             body=json.dumps(event.get("body", {})))
                response = conn.getresponse()
                return {"status": response.status, "body": json.loads(response.read() or b"null")}
            """;

    @LocalServerPort
    int port;

    @Value("${local.mqtt.port}")
    int mqttPort;

    CoordinatorClient client;

    @BeforeEach
    void connect() {
        client = new CoordinatorClient(port);
    }

    private void deploy(String name, String code) {
        deploy(name, code, "{}");
    }

    private JsonNode deploy(String name, String code, String permissions) {
        HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                {"name":"%s","runtime":"python3.11","handler":"m.handle","code":{"inline":%s},"permissions":%s}"""
                .formatted(name, quote(code), permissions));
        assertThat(deployed.statusCode()).as(deployed.body()).isIn(200, 201);
        return client.json(deployed);
    }

    /** What the task got back when it called {@code path} with {@code method} and {@code body} on its socket. */
    private JsonNode call(String task, String method, String path, String body) {
        HttpResponse<String> response = client.invoke(task, """
                {"method": "%s", "path": "%s", "body": %s}""".formatted(method, path, body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client.json(response);
    }

    /** A device whose shadow tasks may use: LOCKED, so it is never polled and its address never called. */
    private void register(String device) {
        HttpResponse<String> profile = client.postJson("/api/v1/device-profiles", """
                {"name": "gw-sensor", "resources": [{"name": "level", "valueType": "FLOAT64", "readWrite": "RW",
                  "attributes": {"path": "/level"}}]}""");
        assertThat(profile.statusCode()).as(profile.body()).isIn(201, 409);
        HttpResponse<String> registered = client.postJson("/api/v1/devices", """
                {"name": "%s", "profile": "gw-sensor", "adminState": "LOCKED",
                 "protocol": {"type": "http", "baseUrl": "http://127.0.0.1:9"}}""".formatted(device));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    @Test
    void aTaskInvokesAnotherAndTheCalleesRecordNamesTheCaller() {
        deploy("gw-caller", CALLER, "{\"invoke\": [\"gw-callee\"]}");
        deploy("gw-callee", "def handle(event, context):\n    return {'got': event}\n");

        HttpResponse<String> response = client.invoke("gw-caller",
                "{\"path\": \"tasks/gw-callee/invoke\", \"body\": {\"n\": 7}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode reply = client.json(response);
        assertThat(reply.path("status").asInt()).isEqualTo(202);
        String calleeId = reply.path("body").path("invocationId").asString();
        JsonNode callee = client.awaitFinished(calleeId);
        assertThat(callee.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(callee.path("result").path("got").path("n").asInt()).isEqualTo(7);
        assertThat(callee.path("cause").path("source").asString()).isEqualTo("task:gw-caller");
    }

    @Test
    void anUnknownServiceOrTaskIsAProblemTheTaskCanRead() {
        deploy("gw-lost", CALLER, "{\"invoke\": [\"*\"]}");

        JsonNode unknownPath = client.json(client.invoke("gw-lost", "{\"path\": \"nothing/here\"}"));
        JsonNode unknownTask = client.json(client.invoke("gw-lost", "{\"path\": \"tasks/no-such-task/invoke\"}"));

        assertThat(unknownPath.path("status").asInt()).isEqualTo(404);
        assertThat(unknownTask.path("status").asInt()).isEqualTo(404);
        assertThat(unknownTask.path("body").path("type").asString())
                .isEqualTo("https://edgecoord.io/problems/task-not-found");
    }

    @Test
    void withoutPermissionsATaskMayNeitherInvokeNorTouchAShadowAndIsToldWhich() {
        register("gw-thermo-1");
        deploy("gw-victim", "def handle(event, context):\n    return 'ran'\n");
        deploy("gw-sensor", CALLER);

        JsonNode invoke = call("gw-sensor", "POST", "tasks/gw-victim/invoke", "{}");
        JsonNode read = call("gw-sensor", "GET", "shadows/gw-thermo-1", "{}");
        JsonNode write = call("gw-sensor", "PATCH", "shadows/gw-thermo-1",
                "{\"state\": {\"reported\": {\"level\": 1}}}");

        assertDenied(invoke, "task gw-sensor version 1 may not invoke task gw-victim: add it to permissions.invoke");
        assertDenied(read, "task gw-sensor version 1 may not read shadow gw-thermo-1: add it to "
                + "permissions.shadows.read");
        assertDenied(write, "task gw-sensor version 1 may not update shadow gw-thermo-1: add it to "
                + "permissions.shadows.write");
        assertThat(client.json(client.get("/api/v1/invocations?task=gw-victim")).path("items").size()).isZero();
        assertThat(client.get("/api/v1/devices/gw-thermo-1/shadow").statusCode()).isEqualTo(404);
    }

    @Test
    void theNextVersionWithPermissionsMayDoWhatTheyNameAndNothingElse() {
        register("gw-tank-1");
        register("gw-tank-2");
        deploy("gw-worker", "def handle(event, context):\n    return {'worked': event}\n");
        deploy("gw-reader", CALLER);
        JsonNode granted = deploy("gw-reader", CALLER, """
                {"shadows": {"read": ["gw-tank-*"], "write": ["gw-tank-1"]}, "invoke": ["gw-work*"]}""");
        assertThat(granted.path("latestVersion").asInt()).isEqualTo(2);
        assertThat(granted.path("version").path("permissions").path("shadows").path("write").get(0).asString())
                .isEqualTo("gw-tank-1");

        JsonNode write = call("gw-reader", "PATCH", "shadows/gw-tank-1", "{\"state\": {\"reported\": {\"level\": 7}}}");
        JsonNode read = call("gw-reader", "GET", "shadows/gw-tank-1", "{}");
        JsonNode invoke = call("gw-reader", "POST", "tasks/gw-worker/invoke", "{\"n\": 1}");
        JsonNode otherWrite = call("gw-reader", "PATCH", "shadows/gw-tank-2",
                "{\"state\": {\"reported\": {\"level\": 7}}}");

        assertThat(write.path("status").asInt()).as(write.toString()).isEqualTo(200);
        assertThat(read.path("status").asInt()).as(read.toString()).isEqualTo(200);
        assertThat(read.path("body").path("state").path("reported").path("level").asInt()).isEqualTo(7);
        assertThat(invoke.path("status").asInt()).as(invoke.toString()).isEqualTo(202);
        JsonNode worker = client.awaitFinished(invoke.path("body").path("invocationId").asString());
        assertThat(worker.path("result").path("worked").path("n").asInt()).isEqualTo(1);
        assertDenied(otherWrite, "task gw-reader version 2 may not update shadow gw-tank-2: add it to "
                + "permissions.shadows.write");
    }

    @Test
    void aTaskPublishesOnTheBrokerWhatItsPermissionsAllowAndAnExternalSubscriberGetsIt() throws Exception {
        deploy("gw-publisher", CALLER, "{\"publish\": [\"plant/+/results\"]}");
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = TestMqtt.admin(mqttPort);
        try {
            subscriber.subscribe(new String[] { "plant/#", "tasks/gw-publisher/results" }, new int[] { 1, 1 },
                    new IMqttMessageListener[] { (t, m) -> received.add(t + " " + m), (t, m) -> received.add(t + " " + m) });

            JsonNode published = call("gw-publisher", "POST", "publish",
                    "{\"topic\": \"plant/line1/results\", \"payload\": {\"count\": 3}, \"qos\": 1}");
            JsonNode denied = call("gw-publisher", "POST", "publish", "{\"topic\": \"plant/line1/secrets\"}");
            JsonNode invalid = call("gw-publisher", "POST", "publish", "{\"topic\": \"plant/+/results\"}");

            assertThat(published.path("status").asInt()).as(published.toString()).isEqualTo(200);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("plant/line1/results {\"count\":3}");
            assertDenied(denied, "task gw-publisher version 1 may not publish to topic plant/line1/secrets: add it to "
                    + "permissions.publish");
            assertThat(invalid.path("status").asInt()).as(invalid.toString()).isEqualTo(400);
            // Each invocation's result is on the broker too, as an envelope on tasks/{name}/results.
            List<String> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(received.poll(10, TimeUnit.SECONDS));
            }
            assertThat(results).allSatisfy(r -> assertThat(r).startsWith("tasks/gw-publisher/results {")
                    .contains("\"type\":\"task.result\""));
            assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
        }
        finally {
            subscriber.disconnect();
            subscriber.close();
        }
    }

    @Test
    void aMalformedPublishIsABadRequest() {
        deploy("gw-sloppy", CALLER, "{\"publish\": [\"#\"]}");

        JsonNode wildcard = call("gw-sloppy", "POST", "publish", "{\"topic\": \"a/#\"}");
        JsonNode noTopic = call("gw-sloppy", "POST", "publish", "{\"payload\": 1}");
        JsonNode qos2 = call("gw-sloppy", "POST", "publish", "{\"topic\": \"a\", \"qos\": 2}");

        for (JsonNode reply : List.of(wildcard, noTopic, qos2)) {
            assertThat(reply.path("status").asInt()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.path("body").path("type").asString()).isEqualTo("https://edgecoord.io/problems/invalid-publish");
        }
    }

    private static void assertDenied(JsonNode reply, String detail) {
        assertThat(reply.path("status").asInt()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.path("body").path("type").asString())
                .isEqualTo("https://edgecoord.io/problems/permission-denied");
        assertThat(reply.path("body").path("detail").asString()).isEqualTo(detail);
    }
}
