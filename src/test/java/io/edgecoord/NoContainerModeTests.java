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

/**
 * On a host without a Docker engine the default backend ({@code auto}) runs tasks as plain
 * processes, says so at start-up, and stays healthy. No Docker is involved.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "edgecoord.execution.docker.host=unix:///tmp/edgecoord-no-such-engine.sock")
class NoContainerModeTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "ec");
        registry.add("edgecoord.data-dir", dir::toString);
    }

    @Test
    void runsAPythonTaskAsAPlainProcessWhenThereIsNoDockerEngine(CapturedOutput startUp) {
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
        assertThat(startUp.getOut() + startUp.getErr()).contains(
                "No Docker engine at unix:///tmp/edgecoord-no-such-engine.sock",
                "running tasks as plain processes (no isolation)");
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
