package io.edgecoord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestDataDir;

/** Without a reachable Docker engine the coordinator still starts, says so, and fails calls fast. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"edgecoord.execution.docker.host=unix:///tmp/edgecoord-no-such-engine.sock",
                "edgecoord.execution.backend=docker"})
class EngineUnavailableTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        TestDataDir.register(registry);
    }

    @Test
    void startsReportsTheEngineInHealthAndRefusesInvocationsWith503() {
        CoordinatorClient client = new CoordinatorClient(port);

        HttpResponse<String> health = client.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode docker = client.json(health).path("components").path("docker");
        assertThat(docker.path("status").asString()).isEqualTo("DOWN");

        HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                {"name":"offline","runtime":"python3.11","handler":"m.f","code":{"inline":"def f(e, c):\\n  return 1\\n"}}""");
        assertThat(deployed.statusCode()).isEqualTo(201);

        HttpResponse<String> invoked = client.invoke("offline", "{}");
        assertThat(invoked.statusCode()).isEqualTo(503);
        JsonNode problem = client.json(invoked);
        assertThat(problem.path("type").asString()).isEqualTo("https://edgecoord.io/problems/execution-unavailable");
        assertThat(problem.path("detail").asString()).contains("No environment can be started");
        assertThat(client.json(client.get("/api/v1/invocations")).path("totalItems").asInt()).isZero();
    }
}
