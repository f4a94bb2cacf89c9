package io.edgecoord.routing;

import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * Issue 17's Java proof, in real java17 containers on the real broker: a Greengrass function in a
 * jar with a stand-in of the Java Core SDK built here from its documented interface (test resources
 * {@code greengrass/java}), calling the runtime image's {@code com.amazonaws.greengrass.ipcsdk}
 * exactly as the real SDK does.
 */
class GreengrassJavaSdkIntegrationTests extends CoordinatorIntegrationTest {

    private static final String SDK = "com/amazonaws/greengrass/javasdk/";
    private static final List<String> SOURCES = List.of("example/GreengrassFunction.java", "example/Adder.java",
            SDK + "IotDataClient.java", SDK + "LambdaClient.java", SDK + "model/InvocationType.java",
            SDK + "model/GGLambdaException.java", SDK + "model/GGIotDataException.java",
            SDK + "model/InvokeRequest.java", SDK + "model/InvokeResponse.java", SDK + "model/PublishRequest.java",
            SDK + "model/PublishResult.java", SDK + "model/UpdateThingShadowRequest.java",
            SDK + "model/UpdateThingShadowResult.java", SDK + "model/GetThingShadowRequest.java",
            SDK + "model/GetThingShadowResult.java");
    private static final String PERMISSIONS = """
            {"publish": ["gg/out/#"], "shadows": {"read": ["gg-jpump-*"], "write": ["gg-jpump-1"]},
             "invoke": ["gg-jadder"]}""";

    @Value("${local.mqtt.port}")
    int mqttPort;

    MqttWatcher outside;
    BlockingQueue<String> received;

    @BeforeEach
    void connect() throws Exception {
        outside = MqttWatcher.watch(mqttPort, "gg/out/#");
        received = outside.received();
    }

    @AfterEach
    void disconnect() throws Exception {
        outside.close();
    }

    @Test
    void aJavaFunctionPublishesWithTheSdkAndAnExternalSubscriberReceivesIt() throws Exception {
        deploy("gg-jfn-pub", "example.GreengrassFunction", PERMISSIONS);

        JsonNode result = invoke("gg-jfn-pub", "{\"action\": \"publish\"}");

        assertThat(result.path("published").asString()).isEqualTo("gg/out/java");
        assertThat(GreengrassTests.next(received, "gg/out/java", 10))
            .isEqualTo("gg/out/java {\"hello\": \"from a Greengrass Java function\"}");
    }

    @Test
    void aJavaFunctionUpdatesAndReadsAShadowAndGetsAwsAcceptedDocuments() {
        GreengrassTests.register(client, "gg-jpump", "gg-jpump-1");
        deploy("gg-jfn-shadow", "example.GreengrassFunction", PERMISSIONS);

        JsonNode result = invoke("gg-jfn-shadow", "{\"action\": \"shadow\", \"thing\": \"gg-jpump-1\", \"level\": 7}");

        JsonNode updated = JsonMapper.shared().readTree(result.path("updated").asString());
        JsonNode read = JsonMapper.shared().readTree(result.path("read").asString());
        assertThat(updated.at("/state/reported/level").asInt()).as(result.toString()).isEqualTo(7);
        assertThat(updated.at("/version").asInt()).isEqualTo(1);
        assertThat(read.at("/state/reported/level").asInt()).isEqualTo(7);
        assertThat(read.at("/version").asInt()).isEqualTo(1);
    }

    @Test
    void aJavaFunctionInvokesAnotherByAliasAndGetsItsResultItsErrorAndItsContext() {
        deployAdder();
        deploy("gg-jfn-invoke", "example.GreengrassFunction", PERMISSIONS);

        JsonNode result = invoke("gg-jfn-invoke", "{\"action\": \"invoke\"}");

        JsonNode sum = JsonMapper.shared().readTree(result.path("result").asString());
        assertThat(sum.path("sum").asInt()).as(result.toString()).isEqualTo(5);
        assertThat(sum.path("arn").asString()).isEqualTo("arn:aws:lambda:edge:000000000000:function:gg-jadder:live");
        assertThat(sum.path("caller").asString()).isEqualTo("gg-java");
        assertThat(result.path("resultError").asString()).isEqualTo("null");
        assertThat(result.path("resultStatus").asInt()).isEqualTo(200);
        assertThat(result.path("failedError").asString()).isEqualTo("Handled");
        JsonNode failed = JsonMapper.shared().readTree(result.path("failed").asString());
        assertThat(failed.path("errorMessage").asString()).isEqualTo("cannot add");
        assertThat(failed.path("errorType").asString()).contains("IllegalArgumentException");
    }

    @Test
    void aRefusedPublishSurfacesAsTheSdksLambdaException() {
        deploy("gg-jfn-refused", "example.GreengrassFunction", PERMISSIONS);

        JsonNode result = invoke("gg-jfn-refused", "{\"action\": \"refused\"}");

        assertThat(result.path("publish").asString()).as(result.toString())
            .startsWith("GGLambdaException: Post work error: java.io.IOException: HTTP 403 permission-denied")
            .contains("gg/secret");
    }

    /** Not a benchmark: a bound that catches a seam gone slow (a connection that waits, a poll that sleeps). */
    @Test
    void seamCallsFromInsideAWarmJavaContainerTakeMillisecondsNotSeconds() {
        GreengrassTests.register(client, "gg-jpump", "gg-jpump-3");
        deployAdder();
        deploy("gg-jfn-measure", "example.GreengrassFunction", """
                {"publish": ["gg/out/#"], "shadows": {"read": ["gg-jpump-3"]}, "invoke": ["gg-jadder"]}""");

        JsonNode spent = invoke("gg-jfn-measure", "{\"action\": \"measure\", \"thing\": \"gg-jpump-3\"}");

        System.out.println("Greengrass seam from Java, median ms per warm call (30 calls): " + spent);
        for (String call : List.of("publish", "shadowGet", "invoke")) {
            assertThat(spent.path(call).asDouble()).as(call + ": " + spent).isBetween(0.0, 500.0);
        }
    }

    /** The function the others invoke, as gg-jadder:live; tests share one coordinator, so either may come first. */
    private void deployAdder() {
        deploy("gg-jadder", "example.Adder", "{}");
        HttpResponse<String> alias = client.request("PUT", "/api/v1/tasks/gg-jadder/aliases/live", "application/json",
                "{\"version\": 1}");
        assertThat(alias.statusCode()).as(alias.body()).isIn(200, 201);
    }

    private void deploy(String name, String handler, String permissions) {
        HttpResponse<String> deployed = client.deployMultipart("""
                {"name": "%s", "runtime": "java17", "handler": "%s::handleRequest", "memoryMb": 256,
                 "timeoutSeconds": 30, "permissions": %s}""".formatted(name, handler, permissions),
                name + ".jar", functionJar());
        assertThat(deployed.statusCode()).as(deployed.body()).isIn(200, 201);
    }

    /** The function and the stand-in SDK in one jar, compiled against the runtime image's IPC classes. */
    private static byte[] functionJar() {
        Map<String, String> sources = new LinkedHashMap<>();
        SOURCES.forEach(file -> sources.put(file, GreengrassTests.resource("greengrass/java/" + file)));
        try {
            Path ipc = Path.of(GreengrassJavaSdkIntegrationTests.class.getResource("/runtimes/java17/greengrass")
                    .toURI());
            return TestCode.javaJar(sources, List.of(ipc));
        }
        catch (URISyntaxException | NullPointerException ex) {
            throw new IllegalStateException("runtimes/java17/greengrass is not on the class path (mvn compile)", ex);
        }
    }

    private JsonNode invoke(String task, String event) {
        HttpResponse<String> response = client.invoke(task, event);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client.json(response);
    }
}
