package io.edgecoord.deployment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestDataDir;
import io.edgecoord.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bundles through the REST API on a whole coordinator. Tasks run as plain processes (the process
 * backend): what is tested is the bundle, not Docker. Code by URL comes from a server in the test
 * on loopback, the only host the settings allow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"edgecoord.execution.docker.host=unix:///tmp/edgecoord-no-such-engine.sock",
                "edgecoord.execution.backend=process", "edgecoord.deployment.code-hosts=127.0.0.1"})
class DeploymentApiTests {

    static HttpServer code;

    static byte[] zip;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        TestDataDir.register(registry);
    }

    @BeforeAll
    static void serveCode() throws IOException {
        zip = zip("m.py", "def f(event, context):\n    return {'twice': event['n'] * 2}\n");
        code = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        code.createContext("/code.zip", (exchange) -> {
            exchange.sendResponseHeaders(200, zip.length);
            exchange.getResponseBody().write(zip);
            exchange.close();
        });
        code.start();
    }

    @AfterAll
    static void stop() {
        code.stop(0);
    }

    @Test
    void appliesABundleWithCodeInlineAndByUrlAndKeepsWhoAppliedIt() {
        CoordinatorClient client = new CoordinatorClient(port);
        HttpResponse<String> applied = client.post("/api/v1/deployments", "application/yaml", """
                tasks:
                  - name: bundled-inline
                    runtime: python3.11
                    handler: m.f
                    code: {inline: "def f(event, context):\\n    return 'hi'\\n", fileName: m.py}
                  - name: bundled-url
                    runtime: python3.11
                    handler: m.f
                    code: {url: "%s", sha256: %s}
                aliases:
                  - {task: bundled-url, name: live, version: latest}
                subscriptions:
                  - source: schedule
                    target: task:bundled-inline
                    schedule: "0 0 0 1 1 *"
                """.formatted(codeUrl(), CodeFetcher.sha256(zip)));

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        JsonNode body = client.json(applied);
        assertThat(body.path("diff").path("tasks").path("created").toString())
            .isEqualTo("[\"bundled-inline\",\"bundled-url\"]");
        assertThat(body.path("diff").path("subscriptions").path("created")).hasSize(1);
        assertThat(body.path("diff").path("aliases").path("created").toString()).isEqualTo("[\"bundled-url:live\"]");
        assertThat(client.json(client.get("/api/v1/tasks/bundled-url/aliases/live")).path("version").asInt())
            .isEqualTo(1);
        HttpResponse<String> invoked = client.invoke("bundled-url", "{\"n\": 21}");
        assertThat(invoked.body()).contains("42");
        JsonNode newest = client.json(client.get("/api/v1/deployments")).path("items").path(0);
        assertThat(newest.path("version").asInt()).isEqualTo(body.path("version").asInt());
        assertThat(newest.path("keyId").asString()).isEqualTo(TestKeys.ADMIN_ID);
        assertThat(newest.path("appliedAt").isMissingNode()).isFalse();
    }

    @Test
    void codeNamedByItsSha256AloneIsTheCodeAnEarlierDeployStored() {
        CoordinatorClient client = new CoordinatorClient(port);
        assertThat(client.post("/api/v1/deployments", "application/yaml", """
                tasks:
                  - {name: stored-first, runtime: python3.11, handler: m.f, code: {url: "%s", sha256: %s}}
                """.formatted(codeUrl(), CodeFetcher.sha256(zip))).statusCode()).isEqualTo(201);
        String stored = client.json(client.get("/api/v1/tasks/stored-first")).path("version").path("codeSha256").asString();

        HttpResponse<String> again = client.post("/api/v1/deployments", "application/yaml", """
                tasks:
                  - {name: stored-first, runtime: python3.11, handler: m.f, code: {sha256: %s}}
                  - {name: stored-again, runtime: python3.11, handler: m.f, code: {sha256: %s}}
                """.formatted(stored, stored));

        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(client.invoke("stored-again", "{\"n\": 4}").body()).contains("8");
        HttpResponse<String> unknown = client.post("/api/v1/deployments", "application/yaml", """
                tasks:
                  - {name: stored-none, runtime: python3.11, handler: m.f, code: {sha256: %s}}
                """.formatted("0".repeat(64)));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(client.json(unknown).path("item").asString()).isEqualTo("tasks[0] (stored-none).code.sha256");
        assertThat(client.get("/api/v1/tasks/stored-none").statusCode()).isEqualTo(404);
    }

    @Test
    void aDryRunAnswersTheDiffAndChangesNothing() {
        CoordinatorClient client = new CoordinatorClient(port);
        int before = client.json(client.get("/api/v1/deployments")).path("totalItems").asInt();

        HttpResponse<String> dry = client.post("/api/v1/deployments?dryRun=true", "application/yaml",
                task("dry-only", "1"));

        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(client.json(dry).path("dryRun").asBoolean()).isTrue();
        assertThat(client.json(dry).path("diff").path("tasks").path("created").toString()).isEqualTo("[\"dry-only\"]");
        assertThat(client.get("/api/v1/tasks/dry-only").statusCode()).isEqualTo(404);
        assertThat(client.json(client.get("/api/v1/deployments")).path("totalItems").asInt()).isEqualTo(before);
    }

    @Test
    void aBadItemAnywhereLeavesNothingBehindAndIsNamed() {
        CoordinatorClient client = new CoordinatorClient(port);
        HttpResponse<String> refused = client.post("/api/v1/deployments", "application/yaml", """
                tasks:
                  - name: atomic-good
                    runtime: python3.11
                    handler: m.f
                    code: {inline: "def f(e, c):\\n    return 1\\n", fileName: m.py}
                  - name: atomic-bad
                    runtime: python3.11
                    handler: m.f
                    code: {url: "%s", sha256: %s}
                """.formatted(codeUrl(), "0".repeat(64)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(client.json(refused).path("type").asString()).isEqualTo("https://edgecoord.io/problems/invalid-bundle");
        assertThat(client.json(refused).path("item").asString()).isEqualTo("tasks[1] (atomic-bad).code.sha256");
        assertThat(client.get("/api/v1/tasks/atomic-good").statusCode()).isEqualTo(404);

        HttpResponse<String> late = client.post("/api/v1/deployments", "application/yaml", task("atomic-late", "1")
                + "  - name: atomic-late2\n    runtime: nosuch\n    code: {inline: x}\n");
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(client.json(late).path("item").asString()).isEqualTo("tasks[1] (atomic-late2)");
        assertThat(client.get("/api/v1/tasks/atomic-late").statusCode())
            .as("the first task was deployed in the transaction, then rolled back").isEqualTo(404);
    }

    @Test
    void anMqttSubscriptionItsTaskMayNotSubscribeToRefusesTheWholeBundle() {
        CoordinatorClient client = new CoordinatorClient(port);
        String bundle = """
                tasks:
                  - name: bundled-listener
                    runtime: python3.11
                    handler: m.f
                    code: {inline: "def f(e, c):\\n    return 1\\n", fileName: m.py}
                    permissions: {subscribe: [%s]}
                subscriptions:
                  - source: mqtt
                    subject: plant/+/alarms
                    target: task:bundled-listener
                """;
        HttpResponse<String> refused = client.post("/api/v1/deployments", "application/yaml",
                bundle.formatted("\"plant/line-1/alarms\""));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(client.json(refused).path("type").asString()).isEqualTo("https://edgecoord.io/problems/invalid-bundle");
        assertThat(client.json(refused).path("item").asString()).isEqualTo("subscriptions[0]");
        assertThat(client.json(refused).path("detail").asString()).contains("may not subscribe to plant/+/alarms");
        assertThat(client.get("/api/v1/tasks/bundled-listener").statusCode()).isEqualTo(404);

        HttpResponse<String> applied = client.post("/api/v1/deployments", "application/yaml",
                bundle.formatted("\"plant/#\""));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    }

    @Test
    void pruneDeletesWhatTheBundleDoesNotNameAndRollbackAppliesAnEarlierVersionAgain() {
        CoordinatorClient client = new CoordinatorClient(port);
        int first = client.json(client.post("/api/v1/deployments", "application/yaml",
                "prune: true\n" + task("keep-one", "1"))).path("version").asInt();
        HttpResponse<String> second = client.post("/api/v1/deployments", "application/yaml",
                "prune: true\n" + task("keep-two", "2"));
        assertThat(client.json(second).path("diff").path("tasks").path("deleted").toString()).contains("keep-one");
        assertThat(client.get("/api/v1/tasks/keep-one").statusCode()).isEqualTo(404);

        HttpResponse<String> rolledBack = client.post("/api/v1/deployments/" + first + "/rollback", "application/json", "");

        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(201);
        assertThat(client.json(rolledBack).path("rolledBackFrom").asInt()).isEqualTo(first);
        assertThat(client.get("/api/v1/tasks/keep-one").statusCode()).isEqualTo(200);
        assertThat(client.get("/api/v1/tasks/keep-two").statusCode()).isEqualTo(404);
        assertThat(client.post("/api/v1/deployments/9999/rollback", "application/json", "").statusCode())
            .isEqualTo(404);
    }

    @Test
    void onlyAnAdminKeyAppliesBundles() {
        HttpResponse<String> anonymous = new CoordinatorClient(port, null).post("/api/v1/deployments",
                "application/yaml", task("nobody", "1"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private String codeUrl() {
        return "http://127.0.0.1:" + code.getAddress().getPort() + "/code.zip";
    }

    private static String task(String name, String result) {
        return """
                tasks:
                  - name: %s
                    runtime: python3.11
                    handler: m.f
                    code: {inline: "def f(e, c):\\n    return %s\\n", fileName: m.py}
                """.formatted(name, result);
    }

    private static byte[] zip(String name, String source) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(source.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
