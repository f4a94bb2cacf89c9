package io.edgecoord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.support.NodeTests;

/**
 * The nodejs18.x image's Greengrass modules (aws-greengrass-ipc-sdk-js, aws-greengrass-common-js)
 * under the REAL aws-greengrass-core-sdk from npm, run by the host's Node.js against a stand-in of
 * the coordinator's /edgecoord/v1/greengrass seam: what the SDK's calls become on the wire, and
 * what the SDK hands back. The coordinator's side is proved in GreengrassNodeIntegrationTests.
 */
class GreengrassNodeShimTests {

    static final Path MODULES = Path.of("src/main/resources/runtimes/nodejs18.x/greengrass").toAbsolutePath();

    static final String ACCOUNT_ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    final JsonMapper json = JsonMapper.shared();

    final List<JsonNode> posted = new CopyOnWriteArrayList<>();

    final Map<String, Integer> polls = new ConcurrentHashMap<>();

    final AtomicInteger ids = new AtomicInteger();

    HttpServer seam;

    @BeforeEach
    void startSeam() throws IOException {
        seam = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        seam.createContext("/edgecoord/v1/greengrass/invocations", this::answer);
        seam.start();
    }

    @AfterEach
    void stopSeam() {
        seam.stop(0);
    }

    @Test
    void publishesAsAnEventOfTheRouterWithTheTopicInTheClientContext() {
        JsonNode out = runSdk("""
                new sdk.IotData().publish({ topic: 'hello/world', payload: JSON.stringify({ n: 1 }),
                  queueFullPolicy: 'AllOrError' }, (err, data) => done({ err: err && err.message, data }));
                """);

        assertThat(out.path("err").isNull()).as(out.toString()).isTrue();
        assertThat(out.path("data").asString()).isEqualTo("inv-1");
        JsonNode call = posted.getFirst();
        assertThat(call.path("functionArn").asString()).isEqualTo(ACCOUNT_ARN + "GGRouter");
        assertThat(call.path("invocationType").asString()).isEqualTo("Event");
        assertThat(decode(call.path("payload"))).isEqualTo("{\"n\":1}");
        JsonNode custom = json.readTree(decode(call.path("clientContext"))).path("custom");
        assertThat(custom.path("subject").asString()).isEqualTo("hello/world");
        assertThat(custom.path("source").asString()).isEqualTo(ACCOUNT_ARN + "node-gg:1");
        assertThat(custom.path("queueFullPolicy").asString()).isEqualTo("AllOrError");
    }

    @Test
    void aShadowUpdateWaitsForItsResultThroughRunningPolls() {
        JsonNode out = runSdk("""
                new sdk.IotData().updateThingShadow({ thingName: 'pump-1',
                  payload: JSON.stringify({ state: { reported: { on: true } } }) },
                  (err, data) => done({ err: err && err.message, data }));
                """);

        assertThat(out.path("err").isNull()).as(out.toString()).isTrue();
        JsonNode call = posted.getFirst();
        assertThat(call.path("functionArn").asString()).isEqualTo(ACCOUNT_ARN + "GGShadowService");
        assertThat(call.path("invocationType").asString()).isEqualTo("RequestResponse");
        assertThat(json.readTree(decode(call.path("clientContext"))).path("custom").path("subject").asString())
            .isEqualTo("$aws/things/pump-1/shadow/update");
        assertThat(polls.get("inv-1")).isEqualTo(2);
        assertThat(out.path("data").path("StatusCode").asInt()).isEqualTo(200);
        assertThat(json.readTree(out.path("data").path("Payload").asString()).path("echo").asString())
            .isEqualTo("{\"state\":{\"reported\":{\"on\":true}}}");
    }

    @Test
    void invokesAFunctionByNameOrArnWithItsQualifierAndReportsItsError() {
        JsonNode out = runSdk("""
                const lambda = new sdk.Lambda();
                lambda.invoke({ FunctionName: 'fail-me', Qualifier: 'live', Payload: '{}' }, (err, data) =>
                  lambda.invoke({ FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:other:3',
                      InvocationType: 'Event', Payload: Buffer.from([1, 2, 3]) }, (err2, id) =>
                    done({ err, data, id })));
                """);

        assertThat(posted.get(0).path("functionArn").asString()).isEqualTo(ACCOUNT_ARN + "fail-me:live");
        assertThat(out.path("data").path("FunctionError").asString()).isEqualTo("Handled");
        assertThat(json.readTree(out.path("data").path("Payload").asString()).path("errorType").asString())
            .isEqualTo("Boom");
        assertThat(posted.get(1).path("functionArn").asString()).isEqualTo(ACCOUNT_ARN + "other:3");
        assertThat(Base64.getDecoder().decode(posted.get(1).path("payload").asString())).containsExactly(1, 2, 3);
        assertThat(out.path("id").asString()).isEqualTo("inv-2");
    }

    @Test
    void aRefusalReachesTheCallbackAsAnErrorWithTheProblemsDetail() {
        JsonNode out = runSdk("""
                new sdk.IotData().publish({ topic: 'forbidden/topic', payload: 'x' },
                  (err, data) => done({ name: err && err.name, message: err && err.message, status: err && err.statusCode }));
                """);

        assertThat(out.path("name").asString()).isEqualTo("AccessDeniedException");
        assertThat(out.path("message").asString()).contains("forbidden/topic");
        assertThat(out.path("status").asInt()).isEqualTo(403);
    }

    @Test
    void commonJsReadsTheEnvironmentAndBuildsArns() {
        JsonNode out = runSdk("""
                const common = require('aws-greengrass-common-js');
                const fields = new common.FunctionArnFields('arn:aws:lambda:eu-west-1:123456789012:function:pump:7');
                done({ mine: common.envVars.MY_FUNCTION_ARN, router: common.envVars.ROUTER_FUNCTION_ARN,
                  token: common.envVars.AUTH_TOKEN, region: fields.region, account: fields.accountId, name: fields.name,
                  qualifier: fields.qualifier, unqualified: fields.unqualifiedArn,
                  built: common.buildFunctionArn(fields.unqualifiedArn, 'live'), latest: common.buildFunctionArn('x', undefined),
                  logger: typeof new common.logging.LocalWatchLogger().info });
                """);

        assertThat(out.path("mine").asString()).isEqualTo(ACCOUNT_ARN + "node-gg:1");
        assertThat(out.path("router").asString()).isEqualTo(ACCOUNT_ARN + "GGRouter");
        assertThat(out.path("token").asString()).isEqualTo("opaque");
        assertThat(out.path("region").asString()).isEqualTo("eu-west-1");
        assertThat(out.path("account").asString()).isEqualTo("123456789012");
        assertThat(out.path("name").asString()).isEqualTo("pump");
        assertThat(out.path("qualifier").asString()).isEqualTo("7");
        assertThat(out.path("unqualified").asString()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:pump");
        assertThat(out.path("built").asString()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:pump:live");
        assertThat(out.path("latest").asString()).isEqualTo("x");
        assertThat(out.path("logger").asString()).isEqualTo("function");
    }

    /** Runs {@code body} with {@code sdk} the real SDK; it calls {@code done(value)} with what to print. */
    private JsonNode runSdk(String body) {
        NodeTests.require(NodeTests.FOLDER.resolve("node_modules/aws-greengrass-core-sdk/package.json").toString());
        String script = "const sdk = require('aws-greengrass-core-sdk');\n"
                + "const done = (value) => { console.log('RESULT ' + JSON.stringify(value)); };\n" + body;
        String out = NodeTests.run(30, "env", "NODE_PATH=" + MODULES,
                "AWS_LAMBDA_RUNTIME_API=127.0.0.1:" + seam.getAddress().getPort(),
                "GG_EDGECOORD_SEAM=/edgecoord/v1/greengrass", "AUTH_TOKEN=opaque",
                "MY_FUNCTION_ARN=" + ACCOUNT_ARN + "node-gg:1", "ROUTER_FUNCTION_ARN=" + ACCOUNT_ARN + "GGRouter",
                "SHADOW_FUNCTION_ARN=" + ACCOUNT_ARN + "GGShadowService", "node", "-e", script);
        String line = out.lines().filter((l) -> l.startsWith("RESULT ")).findFirst().orElseThrow(() ->
                new AssertionError("no RESULT line in:\n" + out));
        return json.readTree(line.substring("RESULT ".length()));
    }

    /** The contract's coordinator side, as canned answers. */
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("POST".equals(exchange.getRequestMethod())) {
                JsonNode call = json.readTree(exchange.getRequestBody().readAllBytes());
                posted.add(call);
                if (call.path("clientContext").isString()
                        && decode(call.path("clientContext")).contains("forbidden/topic")) {
                    send(exchange, 403, "{\"type\":\"https://edgecoord.io/problems/permission-denied\","
                            + "\"detail\":\"task node-gg may not publish to forbidden/topic\"}");
                    return;
                }
                send(exchange, 202, "{\"invocationId\":\"inv-" + ids.incrementAndGet() + "\"}");
                return;
            }
            String id = exchange.getRequestURI().getPath().replaceAll(".*/", "");
            assertThat(exchange.getRequestURI().getQuery()).isEqualTo("wait=30");
            int poll = polls.merge(id, 1, Integer::sum);
            JsonNode call = posted.get(Integer.parseInt(id.substring(4)) - 1);
            if (poll == 1 && call.path("functionArn").asString().endsWith("GGShadowService")) {
                send(exchange, 200, "{\"status\":\"RUNNING\",\"payload\":null,\"functionError\":null}");
            }
            else if (call.path("functionArn").asString().contains("fail-me")) {
                send(exchange, 200, "{\"status\":\"FAILED\",\"functionError\":\"Handled\",\"payload\":\""
                        + encode("{\"errorType\":\"Boom\",\"errorMessage\":\"no\"}") + "\"}");
            }
            else {
                String echo = json.writeValueAsString(Map.of("echo", decode(call.path("payload"))));
                send(exchange, 200, "{\"status\":\"SUCCEEDED\",\"functionError\":null,\"payload\":\"" + encode(echo) + "\"}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String decode(JsonNode base64) {
        return base64.isString() ? new String(Base64.getDecoder().decode(base64.asString()), StandardCharsets.UTF_8) : "";
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
