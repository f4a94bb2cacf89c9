package io.edgecoord.routing;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.MqttWatcher;
import io.edgecoord.support.TestCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's Python proof, in real containers on the real broker: functions written as the
 * Greengrass documentation shows, zipped with a {@code greengrasssdk} built here from the SDK's
 * documented interface (test resources {@code greengrass/python}), run unchanged against the
 * runtime image's {@code greengrass_ipc_python_sdk} and {@code greengrass_common}.
 */
class GreengrassPythonSdkIntegrationTests extends CoordinatorIntegrationTest {

    private static final List<String> SDK = List.of("greengrasssdk/__init__.py", "greengrasssdk/client.py",
            "greengrasssdk/Lambda.py", "greengrasssdk/IoTDataPlane.py", "greengrasssdk/utils/__init__.py",
            "greengrasssdk/utils/testing.py");
    private static final String PERMISSIONS = """
            {"publish": ["gg/out/#"], "shadows": {"read": ["gg-pump-*"], "write": ["gg-pump-1"]},
             "invoke": ["gg-adder"]}""";

    @Value("${local.mqtt.port}")
    int mqttPort;

    MqttWatcher outside;
    BlockingQueue<String> received;

    @BeforeEach
    void connect() throws Exception {
        outside = MqttWatcher.watch(mqttPort, "gg/out/#", "hello/world");
        received = outside.received();
    }

    @AfterEach
    void disconnect() throws Exception {
        outside.close();
    }

    @Test
    void aFunctionPublishesWithTheSdkAndAnExternalSubscriberReceivesIt() throws Exception {
        deployFunction("gg-fn-pub", "gg_function", PERMISSIONS, "");

        JsonNode result = invoke("gg-fn-pub", "{\"action\": \"publish\"}");

        assertThat(result.path("published").asString()).isEqualTo("gg/out/hello");
        assertThat(GreengrassTests.next(received, "gg/out/hello", 10))
            .isEqualTo("gg/out/hello {\"hello\": \"from a Greengrass function\"}");
    }

    @Test
    void aFunctionUpdatesAndReadsAShadowAndGetsAwsAcceptedDocumentsWithVersions() {
        GreengrassTests.register(client, "gg-pump", "gg-pump-1");
        deployFunction("gg-fn-shadow", "gg_function", PERMISSIONS, "");

        JsonNode result = invoke("gg-fn-shadow", "{\"action\": \"shadow\", \"thing\": \"gg-pump-1\", \"level\": 5}");

        assertThat(result.at("/updated/state/reported/level").asInt()).as(result.toString()).isEqualTo(5);
        assertThat(result.at("/updated/version").asInt()).isEqualTo(1);
        assertThat(result.at("/updated/metadata/reported/level/timestamp").isNumber()).isTrue();
        assertThat(result.at("/read/state/reported/level").asInt()).isEqualTo(5);
        assertThat(result.at("/read/version").asInt()).isEqualTo(1);
        assertThat(client.json(client.get("/api/v1/devices/gg-pump-1/shadow")).at("/state/reported/level").asInt())
            .isEqualTo(5);
    }

    @Test
    void aFunctionInvokesAnotherByAliasAndGetsItsResultItsErrorAndItsContext() {
        deployFunction("gg-adder", "gg_adder", "{}", "");
        HttpResponse<String> alias = client.request("PUT", "/api/v1/tasks/gg-adder/aliases/live", "application/json",
                "{\"version\": 1}");
        assertThat(alias.statusCode()).as(alias.body()).isEqualTo(201);
        deployFunction("gg-fn-invoke", "gg_function", PERMISSIONS, "");

        JsonNode result = invoke("gg-fn-invoke", "{\"action\": \"invoke\"}");

        assertThat(result.at("/result/sum").asInt()).as(result.toString()).isEqualTo(5);
        assertThat(result.at("/resultError").asString()).isEmpty();
        assertThat(result.at("/result/arn").asString()).isEqualTo("arn:aws:lambda:edge:000000000000:function:gg-adder:live");
        assertThat(result.at("/result/custom/caller").asString()).isEqualTo("gg-fn");
        assertThat(result.at("/failedError").asString()).isEqualTo("Handled");
        assertThat(result.at("/failedPayload/errorType").asString()).isEqualTo("ValueError");
        assertThat(result.at("/failedPayload/errorMessage").asString()).isEqualTo("cannot add");
        JsonNode calls = client.json(client.get("/api/v1/invocations?task=gg-adder"));
        assertThat(calls.path("items").size()).isEqualTo(3);
    }

    @Test
    void aRefusalSurfacesAsTheSdksExceptions() {
        GreengrassTests.register(client, "gg-pump", "gg-pump-2");
        deployFunction("gg-private", "gg_adder", "{}", "");
        deployFunction("gg-fn-refused", "gg_function", PERMISSIONS, "");

        JsonNode result = invoke("gg-fn-refused", "{\"action\": \"refused\", \"empty\": \"gg-pump-2\"}");

        assertThat(result.path("publish").asString()).as(result.toString())
            .startsWith("InvocationException: Failed to invoke function due to could not post work")
            .contains("403").contains("may not publish to topic gg/secret");
        assertThat(result.path("invoke").asString()).startsWith("InvocationException:").contains("403")
            .contains("may not invoke task gg-private");
        // A thing with no shadow yet: AWS's rejected document, which the SDK raises as its ShadowError.
        assertThat(result.path("shadow").asString()).startsWith("ShadowError:").contains("error code 404");
        assertThat(client.json(client.get("/api/v1/invocations?task=gg-private")).path("items").size()).isZero();
    }

    @Test
    void aSubscriptionsCallCarriesItsTopicAsTheSubjectInTheContext() throws Exception {
        deployFunction("gg-fn-sub", "gg_function", """
                {"publish": ["gg/out/#"], "shadows": {"read": ["gg-pump-*"], "write": ["gg-pump-1"]},
                 "invoke": ["gg-adder"], "subscribe": ["gg/in/#"]}""", "");
        subscribe("gg/in/envelope/#", "task:gg-fn-sub");
        subscribe("gg/in/bare/#", "function:gg-fn-sub");

        outside.publish("gg/in/envelope/sensor-7", "{\"t\": 21}".getBytes(StandardCharsets.UTF_8), 1, false);
        JsonNode enveloped = seen();
        outside.publish("gg/in/bare/sensor-8", "{\"t\": 22}".getBytes(StandardCharsets.UTF_8), 1, false);
        JsonNode bare = seen();

        assertThat(enveloped.path("subject").asString()).isEqualTo("gg/in/envelope/sensor-7");
        assertThat(enveloped.at("/event/data/t").asInt()).isEqualTo(21);
        // A function: target hands the message itself as the event, as Greengrass did.
        assertThat(bare.path("subject").asString()).isEqualTo("gg/in/bare/sensor-8");
        assertThat(bare.path("event").toString()).isEqualTo("{\"t\":22}");
    }

    private void subscribe(String topics, String target) {
        HttpResponse<String> subscription = client.postJson("/api/v1/subscriptions", """
                {"source": "mqtt", "subject": "%s", "target": "%s"}""".formatted(topics, target));
        assertThat(subscription.statusCode()).as(subscription.body()).isIn(200, 201);
    }

    /** What the function published on gg/out/seen about the call a subscription made. */
    private JsonNode seen() throws InterruptedException {
        String seen = GreengrassTests.next(received, "gg/out/seen", 60);
        assertThat(seen).as("the function's publish").startsWith("gg/out/seen ");
        return JsonMapper.shared().readTree(seen.substring("gg/out/seen ".length()));
    }

    @Test
    void theContextIsGreengrassesAndLambdas() {
        deployFunction("gg-fn-context", "gg_function", PERMISSIONS, "");

        HttpResponse<String> response = client.invoke("gg-fn-context", "{\"action\": \"context\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode context = client.json(response);
        String arn = "arn:aws:lambda:edge:000000000000:function:gg-fn-context:1";
        assertThat(context.path("function_arn").asString()).isEqualTo(arn);
        assertThat(context.path("invoked_function_arn").asString()).isEqualTo(arn);
        assertThat(context.path("MY_FUNCTION_ARN").asString()).isEqualTo(arn);
        assertThat(context.path("aws_request_id").asString())
            .isEqualTo(response.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
        assertThat(context.path("remaining").asLong()).isBetween(1L, 30_000L);
        assertThat(context.path("client_context").isNull()).isTrue();
    }

    @Test
    void thePinnedHelloWorldKeepsPublishingFromItsModuleLevelTimer() throws Exception {
        deployFunction("gg-hello", "greengrassHelloWorld", "{\"publish\": [\"hello/world\"]}",
                ", \"execution\": {\"pinned\": true}");

        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String message = GreengrassTests.next(received, "hello/world", 90);
            assertThat(message).as("message %d of the timer loop, never invoked", i + 1).isNotNull();
            messages.add(message);
        }

        assertThat(messages).allSatisfy(m -> assertThat(m).startsWith(
                "hello/world Hello world! Sent from Greengrass Core running on platform: Linux"));
        assertThat(client.json(client.get("/api/v1/invocations?task=gg-hello")).path("items").size()).isZero();
        assertThat(client.delete("/api/v1/tasks/gg-hello").statusCode()).isEqualTo(204);
    }

    /** Not a benchmark: a bound that catches a seam gone slow (a connection that waits, a poll that sleeps). */
    @Test
    void seamCallsFromInsideAWarmContainerTakeMillisecondsNotSeconds() {
        GreengrassTests.register(client, "gg-pump", "gg-pump-3");
        deployFunction("gg-adder-m", "gg_adder", "{}", "");
        deployFunction("gg-fn-measure", "gg_function", """
                {"publish": ["gg/out/#"], "shadows": {"read": ["gg-pump-3"], "write": ["gg-pump-3"]},
                 "invoke": ["gg-adder-m"]}""", "");

        JsonNode spent = invoke("gg-fn-measure",
                "{\"action\": \"measure\", \"thing\": \"gg-pump-3\", \"adder\": \"gg-adder-m\"}");

        System.out.println("Greengrass seam, ms per call from inside the container (30 calls): " + spent);
        for (String call : List.of("publish", "shadowGet", "invoke")) {
            assertThat(spent.path(call).path("median").asDouble()).as(call + ": " + spent).isBetween(0.0, 500.0);
        }
    }

    /** A zip as Greengrass users build them: the function's module beside the SDK. */
    private void deployFunction(String name, String module, String permissions, String more) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(module + ".py", GreengrassTests.resource("greengrass/python/" + module + ".py"));
        SDK.forEach(file -> files.put(file, GreengrassTests.resource("greengrass/python/" + file)));
        HttpResponse<String> deployed = client.deployMultipart("""
                {"name": "%s", "runtime": "python3.11", "handler": "%s.function_handler", "permissions": %s%s}"""
            .formatted(name, module, permissions, more), name + ".zip", TestCode.zip(files));
        assertThat(deployed.statusCode()).as(deployed.body()).isIn(200, 201);
    }

    private JsonNode invoke(String task, String event) {
        HttpResponse<String> response = client.invoke(task, event);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client.json(response);
    }
}
