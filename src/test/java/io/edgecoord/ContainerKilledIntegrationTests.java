package io.edgecoord;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.TestDocker;

/**
 * A container killed under a running call ({@code docker kill}, as an operator or the OOM killer
 * would): the call ends FAILED {@code Runtime.ExitError}, an asynchronous one is retried by its
 * policy, and the next call gets a fresh environment.
 */
class ContainerKilledIntegrationTests extends CoordinatorIntegrationTest {

    static final DockerClient docker = TestDocker.client();

    @LocalServerPort
    int port;

    CoordinatorClient client;

    @BeforeEach
    void deploy() {
        client = new CoordinatorClient(port);
        client.postJson("/api/v1/tasks", """
                {"name":"killed","runtime":"python3.11","handler":"m.f","timeoutSeconds":60,"code":{"inline":%s}}"""
                .formatted(quote("import time\ndef f(event, context):\n    time.sleep(event.get('sleep', 0))\n"
                        + "    return 'ok'\n")));
    }

    /** Waits until a call of the task runs (attempt {@code attempt}), kills its container, and returns the call's record. */
    private JsonNode killWhenRunning(int attempt) {
        JsonNode running = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> client.json(client.get("/api/v1/invocations?task=killed&status=RUNNING")).path("items"),
                        items -> items.size() == 1 && items.get(0).path("attempt").asInt() == attempt
                                && items.get(0).path("environmentId").isString())
                .get(0);
        docker.listContainersCmd()
                .withLabelFilter(Map.of("edgecoord.environment", running.path("environmentId").asString())).exec()
                .forEach(container -> docker.killContainerCmd(container.getId()).exec());
        return running;
    }

    @Test
    void aSyncCallWhoseContainerIsKilledFailsAndTheNextCallGetsAFreshEnvironment() throws Exception {
        CompletableFuture<HttpResponse<String>> call =
                CompletableFuture.supplyAsync(() -> client.invoke("killed", "{\"sleep\": 30}"));
        JsonNode running = killWhenRunning(1);

        call.get(60, TimeUnit.SECONDS);
        JsonNode ended = client.awaitFinished(running.path("id").asString());
        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("FAILED");
        assertThat(ended.path("error").path("type").asString()).isEqualTo("Runtime.ExitError");

        HttpResponse<String> next = client.invoke("killed", "{}");
        assertThat(next.body()).isEqualTo("\"ok\"");
        JsonNode nextRecord = client.record(next.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
        assertThat(nextRecord.path("environmentId").asString()).isNotEqualTo(running.path("environmentId").asString());
        assertThat(nextRecord.path("start").asString()).isEqualTo("COLD");
    }

    @Test
    void anAsyncCallWhoseContainerIsKilledIsRetriedAndSucceeds() {
        HttpResponse<String> accepted = client.invoke("killed", "{\"sleep\": 3}", "Prefer", "respond-async");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode first = killWhenRunning(1);
        assertThat(first.path("id").asString()).isEqualTo(id);

        JsonNode ended = client.awaitFinished(id);
        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("SUCCEEDED");
        assertThat(ended.path("attempt").asInt()).isEqualTo(2);
        assertThat(ended.path("environmentId").asString()).isNotEqualTo(first.path("environmentId").asString());
    }
}
