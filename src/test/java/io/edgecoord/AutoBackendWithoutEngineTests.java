package io.edgecoord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;

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
 * The default backend ({@code auto}) on a host without a Docker engine never downgrades a task's
 * isolation: a task that asks for a container is refused with 503, while one deployed with
 * isolation {@code none} runs as a plain process, and the coordinator stays healthy. No Docker is
 * involved (the engine named does not exist); {@code python3} must be on {@code PATH}.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "edgecoord.execution.docker.host=unix:///tmp/edgecoord-no-such-engine.sock")
class AutoBackendWithoutEngineTests {

    private static final String CODE = CoordinatorClient.quote("def f(event, context):\n    return 'ran'\n");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        TestDataDir.register(registry);
    }

    @Test
    void refusesATaskThatAsksForAContainerAndRecordsNothing(CapturedOutput startUp) {
        CoordinatorClient client = new CoordinatorClient(port);
        HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                {"name":"boxed","runtime":"python3.11","handler":"m.f","code":{"inline":%s}}""".formatted(CODE));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);

        HttpResponse<String> invoked = client.invoke("boxed", "{}");

        assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(503);
        JsonNode problem = client.json(invoked);
        assertThat(problem.path("type").asString()).isEqualTo("https://edgecoord.io/problems/execution-unavailable");
        assertThat(problem.path("detail").asString()).contains("No environment can be started",
                "task boxed asks for container isolation", "no Docker engine answers");
        assertThat(client.json(client.get("/api/v1/invocations?task=boxed")).path("totalItems").asInt()).isZero();
        assertThat(client.json(client.get("/api/v1/environments")).path("items").values())
                .noneMatch(env -> env.path("task").asString().equals("boxed"));
        assertThat(startUp.getOut() + startUp.getErr()).contains(
                "No Docker engine at unix:///tmp/edgecoord-no-such-engine.sock",
                "tasks that ask for container isolation are refused (503 execution-unavailable) until it answers");
    }

    @Test
    void runsATaskDeployedWithoutIsolationAsAPlainProcessAndSaysSo() {
        CoordinatorClient client = new CoordinatorClient(port);
        HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                {"name":"bare","runtime":"python3.11","handler":"m.f","code":{"inline":%s},
                 "execution":{"isolation":"none"}}""".formatted(CODE));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);

        HttpResponse<String> invoked = client.invoke("bare", "{}");

        assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
        assertThat(invoked.body()).isEqualTo("\"ran\"");
        JsonNode record = client.json(client.get("/api/v1/invocations?task=bare")).path("items").path(0);
        assertThat(record.path("isolation").asString()).isEqualTo("NONE");
        assertThat(client.json(client.get("/api/v1/environments")).path("items").values())
                .filteredOn(env -> env.path("task").asString().equals("bare"))
                .singleElement().satisfies(env -> assertThat(env.path("isolation").asString()).isEqualTo("NONE"));
    }

    @Test
    void staysHealthyAndSaysContainerTasksWaitForTheEngine() {
        CoordinatorClient client = new CoordinatorClient(port);

        HttpResponse<String> health = client.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode docker = client.json(health).path("components").path("docker");
        assertThat(docker.path("status").asString()).isEqualTo("UNKNOWN");
        assertThat(docker.path("details").path("detail").asString())
                .contains("tasks that ask for container isolation are refused until it answers");
    }
}
