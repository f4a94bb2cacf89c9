package io.edgecoord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.github.dockerjava.api.DockerClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.TestDocker;

/** The operator's view over real HTTP and real containers: list and drain environments, read the scheduler. */
class EnvironmentsIntegrationTests extends CoordinatorIntegrationTest {

    static final DockerClient docker = TestDocker.client();

    private void deploy(String name, String code) {
        assertThat(client.deployInline(name, "python3.11", "m.f", 192, 20, code).statusCode()).isIn(200, 201);
    }

    private JsonNode invoke(String task) {
        HttpResponse<String> response = client.invoke(task, "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        return client.record(response.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
    }

    private List<JsonNode> environmentsOf(String task) {
        JsonNode items = client.json(client.get("/api/v1/environments")).path("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(env -> env.path("task").asString().equals(task)).toList();
    }

    private boolean containerGone(String environmentId) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("edgecoord.environment", environmentId)).exec().isEmpty();
    }

    @Test
    void listsAnIdleEnvironmentAndDrainingItRemovesItsContainerSoTheNextCallIsCold() {
        deploy("env-listed", "def f(event, context):\n    return 'up'\n");
        JsonNode first = invoke("env-listed");
        String environmentId = first.path("environmentId").asString();

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> environmentsOf("env-listed").stream().anyMatch(e -> e.path("state").asString().equals("IDLE")));
        JsonNode env = environmentsOf("env-listed").getFirst();
        assertThat(env.path("id").asString()).isEqualTo(environmentId);
        assertThat(env.path("version").asInt()).isEqualTo(1);
        assertThat(env.path("runtime").asString()).isEqualTo("python3.11");
        assertThat(env.path("memoryMb").asInt()).isEqualTo(192);
        assertThat(env.path("ageMs").asLong()).isPositive();
        assertThat(env.path("createdAt").isString()).isTrue();
        assertThat(env.path("lastUsedAt").isString()).isTrue();
        assertThat(env.path("backendId").asString()).isNotBlank();
        assertThat(containerGone(environmentId)).isFalse();
        assertThat(client.json(client.get("/api/v1/environments/" + environmentId)).path("state").asString())
                .isEqualTo("IDLE");

        assertThat(client.delete("/api/v1/environments/" + environmentId).statusCode()).isEqualTo(204);

        assertThat(containerGone(environmentId)).isTrue();
        assertThat(environmentsOf("env-listed")).isEmpty();
        HttpResponse<String> gone = client.get("/api/v1/environments/" + environmentId);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(client.json(gone).path("type").asString())
                .isEqualTo("https://edgecoord.io/problems/environment-not-found");
        JsonNode next = invoke("env-listed");
        assertThat(next.path("start").asString()).isEqualTo("COLD");
        assertThat(next.path("environmentId").asString()).isNotEqualTo(environmentId);
    }

    @Test
    void aBusyEnvironmentDrainedFinishesItsCallThenGoes() {
        deploy("env-drained", "import time\ndef f(event, context):\n    time.sleep(3)\n    return 'slept'\n");
        HttpResponse<String> accepted = client.invoke("env-drained", "{}", "Prefer", "respond-async");
        String invocationId = accepted.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
        JsonNode running = client.awaitRecord(invocationId, r -> r.path("status").asString().equals("RUNNING"));
        String environmentId = running.path("environmentId").asString();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.json(
                client.get("/api/v1/environments/" + environmentId)).path("state").asString().equals("BUSY"));

        assertThat(client.delete("/api/v1/environments/" + environmentId).statusCode()).isEqualTo(202);
        assertThat(client.json(client.get("/api/v1/environments/" + environmentId)).path("state").asString())
                .isEqualTo("DRAINING");

        JsonNode finished = client.awaitFinished(invocationId);
        assertThat(finished.path("status").asString()).isEqualTo("SUCCEEDED");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> containerGone(environmentId));
        assertThat(client.get("/api/v1/environments/" + environmentId).statusCode()).isEqualTo(404);
    }

    @Test
    void theSchedulerShowsItsCapQueuesAndPool() {
        JsonNode scheduler = client.json(client.get("/api/v1/scheduler"));

        assertThat(scheduler.path("maxConcurrent").asInt()).isEqualTo(4);
        assertThat(scheduler.path("maxQueueLength").asInt()).isEqualTo(1000);
        assertThat(scheduler.path("queued").isInt()).isTrue();
        assertThat(scheduler.path("queuedByTask").isObject()).isTrue();
        assertThat(scheduler.path("running").isInt()).isTrue();
        assertThat(scheduler.path("environments").path("reservedMemoryMb").isNumber()).isTrue();
    }

    @Test
    void prometheusShowsStartsEvictionsQueueWaitMemoryAndRejections() {
        deploy("env-metered", "def f(event, context):\n    return 'up'\n");
        String environmentId = invoke("env-metered").path("environmentId").asString();
        invoke("env-metered");
        assertThat(client.invoke("env-metered", "{not json").statusCode()).isEqualTo(400);
        assertThat(client.delete("/api/v1/environments/" + environmentId).statusCode()).isIn(202, 204);

        String metrics = client.get("/actuator/prometheus").body();

        assertThat(metrics)
                .contains("edgecoord_environment_starts_total{kind=\"cold\",task=\"env-metered\"} 1.0")
                .contains("edgecoord_environment_starts_total{kind=\"warm\",task=\"env-metered\"} 1.0")
                .contains("edgecoord_environment_evictions_total{reason=\"drained\"}")
                .contains("edgecoord_queue_wait_seconds_bucket")
                .contains("edgecoord_queue_wait_seconds_count")
                .contains("edgecoord_environments_memory_reserved_bytes")
                .contains("edgecoord_invocations_rejected_total{reason=\"invalid-payload\"}")
                .contains("edgecoord_invocations_rejected_total{reason=\"queue-full\"}")
                .contains("edgecoord_cold_starts_total{task=\"env-metered\"}");
    }
}
