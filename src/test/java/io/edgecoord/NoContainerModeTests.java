package io.edgecoord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestDataDir;

/**
 * With {@code edgecoord.execution.backend=process}, the operator's choice, tasks run as plain
 * processes, the coordinator says so at start-up, records show it, and health stays UP. No Docker
 * is involved (the engine named does not exist).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"edgecoord.execution.docker.host=unix:///tmp/edgecoord-no-such-engine.sock",
                "edgecoord.execution.backend=process"})
class NoContainerModeTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        TestDataDir.register(registry);
    }

    @Test
    void runsAPythonTaskAsAPlainProcessAndSaysSoInItsRecord(CapturedOutput startUp) {
        CoordinatorClient client = new CoordinatorClient(port);
        HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                {"name":"plain","runtime":"python3.11","handler":"m.f","code":{"inline":%s}}""".formatted(
                CoordinatorClient.quote("def f(event, context):\n    print('plain saw', event['n'])\n"
                        + "    return {'double': event['n'] * 2, 'fn': context.function_name}\n")));
        assertThat(deployed.statusCode()).isEqualTo(201);

        HttpResponse<String> invoked = client.invoke("plain", "{\"n\": 21}");

        assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
        assertThat(client.json(invoked).path("double").asInt()).isEqualTo(42);
        assertThat(client.json(invoked).path("fn").asString()).isEqualTo("plain");
        JsonNode latest = client.json(client.get("/api/v1/invocations")).path("items").path(0);
        assertThat(client.awaitLogs(latest.path("id").asString(), "plain saw 21")).contains("plain saw 21");
        assertThat(latest.path("isolation").asString()).isEqualTo("NONE");
        assertThat(client.json(client.get("/api/v1/environments")).path("items").values())
                .filteredOn(env -> env.path("task").asString().equals("plain"))
                .singleElement().satisfies(env -> assertThat(env.path("isolation").asString()).isEqualTo("NONE"));
        assertThat(startUp.getOut() + startUp.getErr()).contains(
                "edgecoord.execution.backend=process: running every task as a plain process (no isolation)");
    }

    @Test
    void killsTheTasksWholeProcessTreeWhenAnInvocationTimesOut() throws Exception {
        CoordinatorClient client = new CoordinatorClient(port);
        Path pidFile = Files.createTempFile(Path.of("/tmp"), "ec-child", ".pid");
        String code = "import subprocess, time\n"
                + "def f(event, context):\n"
                + "    if event.get('hang'):\n"
                + "        child = subprocess.Popen(['sleep', '300'])\n"
                + "        open(event['pidFile'], 'w').write(str(child.pid))\n"
                + "        time.sleep(300)\n"
                + "    return 'ok'\n";
        HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                {"name":"plain-hang","runtime":"python3.11","handler":"m.f","timeoutSeconds":1,"code":{"inline":%s}}""".formatted(
                CoordinatorClient.quote(code)));
        assertThat(deployed.statusCode()).isEqualTo(201);

        HttpResponse<String> invoked = client.invoke("plain-hang", "{\"hang\": true, \"pidFile\": \"" + pidFile + "\"}");

        assertThat(invoked.statusCode()).isEqualTo(504);
        long child = Long.parseLong(Files.readString(pidFile).trim());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
        HttpResponse<String> next = client.invoke("plain-hang", "{}");
        assertThat(next.statusCode()).isEqualTo(200);
        Files.deleteIfExists(pidFile);
    }

    @Test
    void staysHealthyAndSaysDockerIsNotInUse() {
        CoordinatorClient client = new CoordinatorClient(port);

        HttpResponse<String> health = client.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode docker = client.json(health).path("components").path("docker");
        assertThat(docker.path("status").asString()).isEqualTo("UNKNOWN");
        assertThat(docker.path("details").path("detail").asString()).contains("not in use");
    }
}
