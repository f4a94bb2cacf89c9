package io.edgecoord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.MqttWatcher;
import io.edgecoord.support.NodeTests;

/**
 * Greengrass v1 Node.js functions with the REAL aws-greengrass-core-sdk from npm (installed in
 * src/test/node by npm ci, zipped into each function's node_modules as Greengrass users do), run
 * in real nodejs18.x containers against the coordinator's seam and its embedded MQTT broker.
 */
class GreengrassNodeIntegrationTests extends CoordinatorIntegrationTest {

    static final Path NODE_MODULES = NodeTests.FOLDER.resolve("node_modules");

    /** The SDK and what npm installed for it (cbor 5.0.1 and its dependencies). */
    static final List<String> SDK_PACKAGES = List.of("aws-greengrass-core-sdk", "cbor", "bignumber.js", "nofilter");

    static final String FUNCTION = """
            const ggSdk = require('aws-greengrass-core-sdk');
            const iotClient = new ggSdk.IotData();
            const lambda = new ggSdk.Lambda();
            const call = (client, operation, params) => new Promise((resolve, reject) =>
              client[operation](params, (err, data) => (err ? reject(err) : resolve(data))));

            exports.handler = async (event, context) => {
              const custom = context.clientContext && context.clientContext.custom;
              if (custom && custom.subject) { // routed by a subscription: tell the world what it was
                await call(iotClient, 'publish', { topic: 'gg/node/seen', payload: JSON.stringify({
                  subject: custom.subject, asGreengrassNamedIt: context.clientContext.Custom.subject,
                  arn: context.invokedFunctionArn }) });
                return 'seen';
              }
              switch (event.action) {
                case 'publish': {
                  await call(iotClient, 'publish', { topic: 'gg/node/out', payload: JSON.stringify({ hello: 'from node' }) });
                  const refused = await call(iotClient, 'publish', { topic: 'elsewhere/out', payload: 'x' })
                    .then(() => null, (err) => ({ name: err.name, message: err.message }));
                  return { published: true, refused };
                }
                case 'shadow': {
                  const updated = await call(iotClient, 'updateThingShadow', { thingName: 'gg-node-pump',
                    payload: JSON.stringify({ state: { reported: { on: true, rpm: 1200 } } }) });
                  const read = await call(iotClient, 'getThingShadow', { thingName: 'gg-node-pump' });
                  return { updated: JSON.parse(updated.Payload), read: JSON.parse(read.Payload) };
                }
                case 'invoke': {
                  const answer = await call(lambda, 'invoke', {
                    FunctionName: 'arn:aws:lambda:us-west-2:123456789012:function:gg-node-helper', Qualifier: 'live',
                    ClientContext: Buffer.from(JSON.stringify({ custom: { caller: 'gg-node-fn' } })).toString('base64'),
                    Payload: JSON.stringify({ n: 21 }) });
                  return { statusCode: answer.StatusCode, functionError: answer.FunctionError || null,
                    payload: JSON.parse(answer.Payload) };
                }
                default:
                  throw new Error('unknown action ' + event.action);
              }
            };
            """;

    static final String HELPER = """
            exports.handler = async (event, context) => ({ doubled: event.n * 2,
              caller: context.clientContext.custom.caller, arn: context.invokedFunctionArn });
            """;

    /** Greengrass's Node.js HelloWorld: a long-lived function publishing from a timer set at module level. */
    static final String HELLO_WORLD = """
            const ggSdk = require('aws-greengrass-core-sdk');
            const iotClient = new ggSdk.IotData();
            let count = 0;
            function greengrassHelloWorldRun() {
              count += 1;
              iotClient.publish({ topic: 'gg/node/hello', payload: JSON.stringify({ message: 'Hello world!', count }) },
                (err) => { if (err) console.error(err); });
            }
            setInterval(greengrassHelloWorldRun, 500);
            exports.handler = function handler(event, context) { console.log(event); };
            """;

    @Value("${local.mqtt.port}")
    int mqttPort;

    MqttWatcher outside;

    BlockingQueue<String> received;

    @BeforeEach
    void connect() throws Exception {
        NodeTests.require(NODE_MODULES.resolve("aws-greengrass-core-sdk/package.json").toString());
        outside = MqttWatcher.watch(mqttPort, "gg/node/#");
        received = outside.received();
    }

    @AfterEach
    void disconnect() throws Exception {
        if (outside != null) { // null when the test was skipped before it connected
            outside.close();
        }
    }

    @Test
    void publishesThroughTheRealSdkToAnExternalSubscriberWithinItsPermissions() throws Exception {
        deploy("gg-node-pub", FUNCTION, """
                {"publish": ["gg/node/#"]}""", "");

        HttpResponse<String> result = client.invoke("gg-node-pub", "{\"action\": \"publish\"}");

        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        assertThat(awaitMessage("gg/node/out ", 20)).isEqualTo("gg/node/out {\"hello\":\"from node\"}");
        JsonNode body = client.json(result);
        assertThat(body.path("refused").path("name").asString()).isEqualTo("AccessDeniedException");
        assertThat(body.path("refused").path("message").asString()).contains("elsewhere/out");
    }

    @Test
    void updatesAndReadsAShadowGettingAwsAcceptedDocuments() {
        client.postJson("/api/v1/device-profiles", """
                {"name": "gg-node-pump-profile", "resources": [
                  {"name": "rpm", "valueType": "INT64", "readWrite": "R", "attributes": {"pointer": "/rpm"}}]}""");
        HttpResponse<String> device = client.postJson("/api/v1/devices", """
                {"name": "gg-node-pump", "profile": "gg-node-pump-profile", "protocol": {"type": "mqtt"}}""");
        assertThat(device.statusCode()).as(device.body()).isEqualTo(201);
        deploy("gg-node-shadow", FUNCTION, """
                {"shadows": {"write": ["gg-node-pump"]}}""", "");

        HttpResponse<String> result = client.invoke("gg-node-shadow", "{\"action\": \"shadow\"}");

        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        JsonNode updated = client.json(result).path("updated");
        JsonNode read = client.json(result).path("read");
        assertThat(updated.at("/state/reported/on").asBoolean()).as(result.body()).isTrue();
        assertThat(updated.at("/state/reported/rpm").asInt()).isEqualTo(1200);
        assertThat(updated.path("version").isNumber()).isTrue();
        assertThat(updated.path("metadata").at("/reported/rpm/timestamp").isNumber()).as(result.body()).isTrue();
        assertThat(read.at("/state/reported/rpm").asInt()).isEqualTo(1200);
        assertThat(read.path("version").asLong()).isEqualTo(updated.path("version").asLong());
    }

    @Test
    void invokesAnotherFunctionByArnAndAliasAndGetsItsResult() {
        deploy("gg-node-helper", HELPER, "{}", "");
        assertThat(client.request("PUT", "/api/v1/tasks/gg-node-helper/aliases/live", "application/json",
                "{\"version\":1}").statusCode()).isEqualTo(201);
        deploy("gg-node-caller", FUNCTION, """
                {"invoke": ["gg-node-helper"]}""", "");

        HttpResponse<String> result = client.invoke("gg-node-caller", "{\"action\": \"invoke\"}");

        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        JsonNode body = client.json(result);
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("functionError").isNull()).isTrue();
        assertThat(body.path("payload").path("doubled").asInt()).isEqualTo(42);
        assertThat(body.path("payload").path("caller").asString()).isEqualTo("gg-node-fn");
        assertThat(body.path("payload").path("arn").asString()).endsWith(":function:gg-node-helper:live");
    }

    @Test
    void aSubscriptionsCallCarriesItsTopicInTheContext() throws Exception {
        deploy("gg-node-sub", FUNCTION, """
                {"publish": ["gg/node/seen"], "subscribe": ["gg/in/+/node"]}""", "");
        HttpResponse<String> subscription = client.postJson("/api/v1/subscriptions", """
                {"source": "mqtt", "subject": "gg/in/+/node", "target": "task:gg-node-sub"}""");
        assertThat(subscription.statusCode()).as(subscription.body()).isEqualTo(201);

        outside.publish("gg/in/sensor-7/node", "{\"t\": 21}".getBytes(StandardCharsets.UTF_8), 1, false);

        String seen = awaitMessage("gg/node/seen ", 60);
        assertThat(seen).as("the function's report of its context").isNotNull().startsWith("gg/node/seen ");
        JsonNode report = JsonMapper.shared().readTree(seen.substring("gg/node/seen ".length()));
        assertThat(report.path("subject").asString()).isEqualTo("gg/in/sensor-7/node");
        assertThat(report.path("asGreengrassNamedIt").asString()).isEqualTo("gg/in/sensor-7/node");
        assertThat(report.path("arn").asString()).contains(":function:gg-node-sub");
    }

    @Test
    void aPinnedHelloWorldPublishesFromItsModuleLevelTimer() throws Exception {
        deploy("gg-node-hello", HELLO_WORLD, """
                {"publish": ["gg/node/hello"]}""", ",\"execution\":{\"pinned\":true}");

        String first = awaitMessage("gg/node/hello ", 60);
        String second = awaitMessage("gg/node/hello ", 10);

        assertThat(first).as("a first greeting, with no call made").startsWith("gg/node/hello ").contains("Hello world!");
        assertThat(second).as("a second greeting from the same timer").startsWith("gg/node/hello ");
        assertThat(client.delete("/api/v1/tasks/gg-node-hello").statusCode()).isEqualTo(204);
    }

    /** The next message on a topic (its line starts with {@code prefix}); others, a pinned function's left from a test before, are passed over. */
    private String awaitMessage(String prefix, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            String message = received.poll(left, TimeUnit.NANOSECONDS);
            if (message != null && message.startsWith(prefix)) {
                return message;
            }
        }
        return null;
    }

    private void deploy(String name, String source, String permissions, String more) {
        byte[] zip = functionZip(source);
        HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                {"name":"%s","runtime":"nodejs18.x","handler":"index.handler","timeoutSeconds":30,
                 "permissions":%s,"code":{"zipBase64":"%s"}%s}"""
            .formatted(name, permissions, Base64.getEncoder().encodeToString(zip), more));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
    }

    /** index.js with the SDK under node_modules/, as Greengrass's README says to package a function. */
    private static byte[] functionZip(String source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("index.js"));
            zip.write(source.getBytes(StandardCharsets.UTF_8));
            for (String module : SDK_PACKAGES) {
                try (Stream<Path> files = Files.walk(NODE_MODULES.resolve(module))) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        zip.putNextEntry(new ZipEntry("node_modules/" + NODE_MODULES.relativize(file).toString()
                            .replace('\\', '/')));
                        zip.write(Files.readAllBytes(file));
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }
}
