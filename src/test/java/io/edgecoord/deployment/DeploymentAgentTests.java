package io.edgecoord.deployment;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.deployment.AgentStatus.State;
import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestDataDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent against a bundle server in the test (JDK HttpServer on loopback) with ETags, detached
 * Ed25519 signatures and a report endpoint. Tasks run as plain processes (the process backend): what
 * is tested is the agent, not Docker. The loop stays off; the test drives {@link DeploymentAgent#pollOnce()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"edgecoord.execution.docker.host=unix:///tmp/edgecoord-no-such-engine.sock",
                "edgecoord.execution.backend=process", "edgecoord.deployment.agent.health-period=4s"})
class DeploymentAgentTests {

    static final KeyPair operator = ed25519();

    static final HttpServer server = server();

    static volatile byte[] bundle = new byte[0];

    static volatile byte[] signature = new byte[0];

    static volatile String etag = "none";

    static final List<String> reports = new CopyOnWriteArrayList<>();

    static final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();

    @Autowired
    DeploymentAgent agent;

    @Autowired
    BundleApplier applier;

    @Autowired
    DeploymentHistory history;

    @Autowired
    HealthWatch health;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TestDataDir.register(registry);
        Path key = Files.createTempFile("operator", ".pem");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(operator.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        registry.add("edgecoord.deployment.agent.source", () -> base + "/bundle.yaml");
        registry.add("edgecoord.deployment.agent.public-key", key::toString);
        registry.add("edgecoord.deployment.agent.bearer-token", () -> "fleet-token");
        registry.add("edgecoord.deployment.agent.report-url", () -> base + "/report");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void convergesOnNewEtagsRefusesBadSignaturesAndRollsBackATaskThatFails() throws Exception {
        CoordinatorClient client = new CoordinatorClient(port);
        serve("v1", bundle("agent-task", "return {'ok': True}"), operator.getPrivate());

        assertThat(agent.pollOnce().state()).isEqualTo(State.APPLIED);
        assertThat(client.invoke("agent-task", "{}").body()).contains("ok");
        assertThat(agent.pollOnce().state()).isEqualTo(State.UNCHANGED);
        assertThat(ifNoneMatch).contains("\"v1\"");

        serve("v2", bundle("agent-intruder", "return 1"), ed25519().getPrivate());
        AgentStatus refused = agent.pollOnce();
        assertThat(refused.state()).isEqualTo(State.REFUSED);
        assertThat(refused.detail()).contains("signature");
        assertThat(client.get("/api/v1/tasks/agent-intruder").statusCode()).isEqualTo(404);

        serve("v3", bundle("agent-task", "raise Exception('broken by v3')"), operator.getPrivate());
        CompletableFuture<AgentStatus> attempt = CompletableFuture.supplyAsync(() -> {
            try {
                return agent.pollOnce();
            }
            catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        while (client.json(client.get("/api/v1/tasks/agent-task")).path("latestVersion").asInt() < 2) {
            Thread.sleep(50);
        }
        client.invoke("agent-task", "{}");
        client.invoke("agent-task", "{}");
        AgentStatus rolledBack = attempt.get();

        assertThat(rolledBack.state()).as(rolledBack.detail()).isEqualTo(State.ROLLED_BACK);
        assertThat(rolledBack.detail()).contains("calls of the changed tasks failed");
        assertThat(client.invoke("agent-task", "{}").body()).contains("ok");
        assertThat(client.json(client.get("/api/v1/deployments/agent")).path("state").asString())
            .isEqualTo("ROLLED_BACK");
        assertThat(reports).anyMatch((r) -> r.contains("REFUSED")).anyMatch((r) -> r.contains("ROLLED_BACK"));
    }

    @Test
    void aPinnedTaskThatDoesNotComeUpIsRolledBack() throws Exception {
        CoordinatorClient client = new CoordinatorClient(port);
        serve("p1", pinned("agent-pinned", "def f(e, c):\\n    return 'up'\\n"), operator.getPrivate());
        AgentStatus up = agent.pollOnce();
        assertThat(up.state()).as(up.detail()).isEqualTo(State.APPLIED);

        serve("p2", pinned("agent-pinned", "raise ImportError('broken at import by p2')\\n"), operator.getPrivate());
        AgentStatus down = agent.pollOnce();

        assertThat(down.state()).as(down.detail()).isEqualTo(State.ROLLED_BACK);
        assertThat(down.detail()).contains("pinned task agent-pinned did not come up");
        assertThat(client.invoke("agent-pinned", "{}").body()).contains("up");
    }

    private static String pinned(String task, String source) {
        return task(task, "{pinned: true}", source);
    }

    @Test
    void anUnreachableSourceIsReportedAndChangesNothing() throws Exception {
        DeploymentProperties unreachable = new DeploymentProperties(List.of(), java.time.Duration.ofSeconds(1), 1,
                new DeploymentProperties.Agent(true, "http://127.0.0.1:1/bundle.yaml", null, null,
                        java.time.Duration.ofSeconds(1), 0, java.time.Duration.ZERO, 0.5, 1, null));
        DeploymentAgent elsewhere = new DeploymentAgent(unreachable, applier, history, health,
                JsonMapper.builder().build(), Clock.systemUTC());

        AgentStatus status = elsewhere.pollOnce();

        assertThat(status.state()).isEqualTo(State.UNREACHABLE);
        assertThat(status.detail()).contains("could not be read");
    }

    @Test
    void theIntervalMovesByAtMostItsJitter() {
        java.time.Duration minute = java.time.Duration.ofSeconds(60);
        assertThat(DeploymentAgent.nextDelay(minute, 0.2, 0.0)).isEqualTo(java.time.Duration.ofSeconds(48));
        assertThat(DeploymentAgent.nextDelay(minute, 0.2, 0.5)).isEqualTo(minute);
        assertThat(DeploymentAgent.nextDelay(minute, 0.2, 1.0)).isEqualTo(java.time.Duration.ofSeconds(72));
        assertThat(HealthWatch.verdict(4, 3, true, 0.5, 1)).contains("3 of 4");
        assertThat(HealthWatch.verdict(4, 2, true, 0.5, 1)).isNull();
        assertThat(HealthWatch.verdict(0, 0, false, 0.5, 1)).contains("readiness");
        assertThat(HealthWatch.pinnedDown(java.util.Set.of())).isNull();
        assertThat(HealthWatch.pinnedDown(new java.util.TreeSet<>(java.util.Set.of("b", "a"))))
            .isEqualTo("pinned tasks a, b did not come up");
    }

    private static String bundle(String task, String body) {
        return task(task, "{}", "def f(e, c):\\n    " + body + "\\n");
    }

    /** A bundle of one python task with these execution settings and this module source (YAML-escaped). */
    private static String task(String task, String execution, String source) {
        return """
                tasks:
                  - name: %s
                    runtime: python3.11
                    handler: m.f
                    execution: %s
                    code: {inline: "%s", fileName: m.py}
                """.formatted(task, execution, source);
    }

    private static void serve(String tag, String document, PrivateKey key) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        signer.update(bytes);
        signature = Base64.getEncoder().encode(signer.sign());
        bundle = bytes;
        etag = "\"" + tag + "\"";
    }

    private static HttpServer server() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            created.createContext("/bundle.yaml", DeploymentAgentTests::bundleOrSignature);
            created.createContext("/report", (exchange) -> {
                reports.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            created.start();
            return created;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void bundleOrSignature(HttpExchange exchange) throws IOException {
        if (!"Bearer fleet-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.sendResponseHeaders(401, -1);
        }
        else if (exchange.getRequestURI().getPath().endsWith(".sig")) {
            exchange.sendResponseHeaders(200, signature.length);
            exchange.getResponseBody().write(signature);
        }
        else {
            String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (asked != null) {
                ifNoneMatch.add(asked);
            }
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(asked)) {
                exchange.sendResponseHeaders(304, -1);
            }
            else {
                exchange.sendResponseHeaders(200, bundle.length);
                exchange.getResponseBody().write(bundle);
            }
        }
        exchange.close();
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
