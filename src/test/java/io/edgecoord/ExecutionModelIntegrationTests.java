package io.edgecoord;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.github.dockerjava.api.DockerClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.TestDocker;

/**
 * The execution model on the real engine, with a budget small enough to run out of: eviction of
 * idle environments for a call that needs memory, prewarmed and pinned environments, a pinned one
 * restarted after its container is killed, isolation {@code none} beside Docker, a full task
 * queue refused with 429, and a call whose deadline passes while it is queued.
 */
@TestPropertySource(properties = {
        CoordinatorIntegrationTest.VARIANT + "=budget",
        "edgecoord.execution.budget.memory=512MB",
        "edgecoord.execution.budget.cpus=2",
        "edgecoord.execution.keep-alive=5m",
        "edgecoord.execution.reap-interval=500ms",
})
class ExecutionModelIntegrationTests extends CoordinatorIntegrationTest {

    static final DockerClient docker = TestDocker.client();

    static final String ECHO = "def f(event, context):\n    return 'ok'\n";

    static final String SLEEPY = """
            import time
            def f(event, context):
                time.sleep(event.get('sleep', 0))
                return 'slept'
            """;

    @LocalServerPort
    int port;

    CoordinatorClient client;

    /** Every task this class deploys: removed first, so that no pinned or prewarmed one comes back. */
    static final List<String> TASKS = List.of("evict-a", "evict-b", "evict-big", "hold", "wait-big", "wait-small", "prewarm",
            "pinned", "no-container", "full", "deadline", "too-big", "flood", "quiet");

    @BeforeEach
    void emptyThePool() {
        client = new CoordinatorClient(port);
        TASKS.forEach(task -> client.delete("/api/v1/tasks/" + task));
        for (JsonNode env : environments()) {
            client.delete("/api/v1/environments/" + env.path("id").asString());
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> environments().isEmpty());
    }

    @Test
    void evictsIdleEnvironmentsOfOtherTasksLeastRecentlyUsedFirstWhenTheBudgetIsFull() {
        deploy("evict-a", ECHO, 128, "");
        deploy("evict-b", ECHO, 128, "");
        deploy("evict-big", ECHO, 384, "");
        String a = environmentOf(invokeSync("evict-a", "{}"));
        String b = environmentOf(invokeSync("evict-b", "{}"));

        // 512 MB in all, 256 held by two idle environments: the 384 MB call needs the least
        // recently used (a) to go, and b stays.
        JsonNode big = invokeSync("evict-big", "{}");

        assertThat(big.path("start").asString()).isEqualTo("COLD");
        List<String> live = environments().stream().map(e -> e.path("id").asString()).toList();
        assertThat(live).doesNotContain(a).contains(b, big.path("environmentId").asString());
        assertThat(docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("edgecoord.environment", a)).exec()).isEmpty();
        JsonNode budget = client.json(client.get("/api/v1/scheduler")).path("budget");
        assertThat(budget.path("memoryMb").asLong()).isEqualTo(512);
        assertThat(budget.path("memoryUsedMb").asLong()).isEqualTo(128 + 384);
        assertThat(client.get("/actuator/prometheus").body())
                .containsPattern("edgecoord_environment_evictions_total\\{[^}]*reason=\"pool-full\"[^}]*} [1-9]");
    }

    @Test
    void aCallThatCannotFitWaitsForMemoryWithoutHoldingUpSmallerOnesAndNeverOverCommits() {
        deploy("hold", SLEEPY, 384, "");
        deploy("wait-big", ECHO, 256, "");
        deploy("wait-small", ECHO, 64, "");
        String holding = async("hold", "{\"sleep\": 10}");
        awaitStatus(holding, "RUNNING");

        String waiting = async("wait-big", "{}");
        String small = async("wait-small", "{}");

        // 384 busy + 256 would be 640 > 512: it stays queued while the other runs, and a smaller
        // call of another task that came after it is not held up behind it.
        assertThat(client.awaitFinished(small).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(client.record(waiting).path("status").asString()).isEqualTo("QUEUED");
        assertThat(client.json(client.get("/api/v1/scheduler")).path("budget").path("memoryUsedMb").asLong())
                .isLessThanOrEqualTo(512);
        assertThat(client.awaitFinished(waiting).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(client.awaitFinished(holding).path("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void prewarmsTheMinimumAheadOfCallsAndTheFirstCallTakesIt() {
        deploy("prewarm", ECHO, 64, "\"execution\":{\"minWarm\":1}");

        JsonNode env = Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> environmentsOf("prewarm"), list -> list.size() == 1
                        && list.getFirst().path("state").asString().equals("IDLE")).getFirst();
        assertThat(env.path("prewarmed").asBoolean()).isTrue();

        JsonNode first = invokeSync("prewarm", "{}");
        JsonNode second = invokeSync("prewarm", "{}");

        assertThat(first.path("start").asString()).isEqualTo("PREWARMED");
        assertThat(first.path("environmentId").asString()).isEqualTo(env.path("id").asString());
        assertThat(second.path("start").asString()).isEqualTo("WARM");
        assertThat(environmentsOf("prewarm")).hasSize(1);
        assertThat(client.get("/actuator/prometheus").body())
                .containsPattern("edgecoord_environment_starts_total\\{[^}]*kind=\"prewarmed\"[^}]*task=\"prewarm\"");
    }

    @Test
    void aPinnedTaskKeepsOneEnvironmentAndGetsANewOneWhenItsContainerDies() {
        deploy("pinned", SLEEPY, 64, "\"execution\":{\"pinned\":true}");
        JsonNode first = Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> environmentsOf("pinned"), list -> list.size() == 1
                        && list.getFirst().path("state").asString().equals("IDLE")).getFirst();
        assertThat(first.path("pinned").asBoolean()).isTrue();

        docker.killContainerCmd(first.path("backendId").asString()).exec();

        JsonNode second = Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> environmentsOf("pinned"), list -> list.size() == 1
                        && !list.getFirst().path("id").asString().equals(first.path("id").asString())
                        && list.getFirst().path("state").asString().equals("IDLE")).getFirst();
        // Calls queue to the one environment: two at once run one after the other in it.
        String one = async("pinned", "{\"sleep\": 1}");
        String two = async("pinned", "{\"sleep\": 1}");
        for (String id : List.of(one, two)) {
            JsonNode record = client.awaitFinished(id);
            assertThat(record.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(record.path("environmentId").asString()).isEqualTo(second.path("id").asString());
        }
        assertThat(environmentsOf("pinned")).hasSize(1);
    }

    @Test
    void aPinnedEnvironmentMovesToTheNewVersionAndGoesWithItsTask() {
        deploy("pinned", ECHO, 64, "\"execution\":{\"pinned\":true}");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> environmentsOf("pinned"),
                list -> list.size() == 1 && list.getFirst().path("version").asInt() == 1);

        deploy("pinned", SLEEPY, 64, "\"execution\":{\"pinned\":true}");

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> environmentsOf("pinned"),
                list -> list.size() == 1 && list.getFirst().path("version").asInt() == 2
                        && list.getFirst().path("state").asString().equals("IDLE"));

        client.delete("/api/v1/tasks/pinned");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> environmentsOf("pinned").isEmpty());
    }

    @Test
    void aTaskWithIsolationNoneRunsAsAPlainProcessBesideContainers() throws Exception {
        Path marker = Files.createTempDirectory(Path.of("/tmp"), "ec-none").resolve("written-by-task");
        deploy("no-container", """
                def f(event, context):
                    with open(event['path'], 'w') as out:
                        out.write('from the host')
                    return 'wrote'
                """, 64, "\"execution\":{\"isolation\":\"none\"}");

        JsonNode record = invokeSync("no-container", "{\"path\": \"" + marker + "\"}");

        assertThat(record.path("status").asString()).isEqualTo("SUCCEEDED");
        // Only a process on this host can write to this host's /tmp: a container has its own.
        assertThat(Files.readString(marker)).isEqualTo("from the host");
        assertThat(environmentsOf("no-container")).singleElement()
                .satisfies(env -> assertThat(env.path("isolation").asString()).isEqualTo("NONE"));
    }

    @Test
    void refusesWith429WhenTheTasksQueueIsFullAndKeepsNothingOfTheRefusedCall() {
        deploy("full", SLEEPY, 64, "\"execution\":{\"maxEnvironments\":1,\"maxQueueLength\":2}");
        String running = async("full", "{\"sleep\": 3}");
        awaitStatus(running, "RUNNING");
        List<String> queued = List.of(async("full", "{}"), async("full", "{}"));

        HttpResponse<String> refused = client.invoke("full", "{}", "Prefer", "respond-async");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(client.json(refused).path("type").asString()).endsWith("/queue-full");
        JsonNode listed = client.json(client.get("/api/v1/invocations?task=full&size=50"));
        assertThat(listed.path("items")).hasSize(3);
        for (String id : queued) {
            assertThat(client.awaitFinished(id).path("status").asString()).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void aTaskFloodingTheQueueDoesNotStarveAnotherThatCallsOnce() {
        deploy("flood", SLEEPY, 64, "");
        deploy("quiet", ECHO, 64, "");
        List<String> flood = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            flood.add(async("flood", "{\"sleep\": 1}"));
        }

        String quiet = async("quiet", "{}");

        Instant quietStarted = Instant.parse(client.awaitFinished(quiet).path("startedAt").asString());
        List<Instant> floodStarted = flood.stream()
                .map(id -> Instant.parse(client.awaitFinished(id).path("startedAt").asString())).toList();
        // First in, first out would run it after all 16; its fair share runs it when the first
        // slot frees, ahead of most of the flood that came before it.
        assertThat(floodStarted.stream().filter(started -> started.isAfter(quietStarted)).count())
                .isGreaterThanOrEqualTo(8);
    }

    @Test
    void refusesWith422ACallThatCouldNeverFitTheBudgetAndKeepsNothing() {
        deploy("too-big", ECHO, 1024, "");

        HttpResponse<String> refused = client.invoke("too-big", "{}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(client.json(refused).path("type").asString()).endsWith("/exceeds-budget");
        assertThat(client.json(client.get("/api/v1/invocations?task=too-big")).path("items")).isEmpty();
        assertThat(client.get("/actuator/prometheus").body())
                .containsPattern("edgecoord_invocations_rejected_total\\{[^}]*reason=\"exceeds-budget\"[^}]*} 1");
    }

    @Test
    void aCallWhoseDeadlinePassesInTheQueueIsNeverRun() {
        deploy("deadline", SLEEPY, 64, "\"execution\":{\"maxEnvironments\":1}");
        String running = async("deadline", "{\"sleep\": 3}");
        awaitStatus(running, "RUNNING");

        String late = client.invoke("deadline", "{}", "Prefer", "respond-async", "Edgecoord-Deadline-Ms", "500")
                .headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();

        JsonNode record = client.awaitFinished(late);
        assertThat(record.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(record.path("startedAt").isString()).isFalse();
        assertThat(client.awaitFinished(running).path("status").asString()).isEqualTo("SUCCEEDED");
    }

    private void deploy(String name, String code, int memoryMb, String extra) {
        String body = """
                {"name":"%s","runtime":"python3.11","handler":"m.f","memoryMb":%d,"code":{"inline":%s}%s}"""
                .formatted(name, memoryMb, quote(code), extra.isEmpty() ? "" : "," + extra);
        HttpResponse<String> response = client.postJson("/api/v1/tasks", body);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    private JsonNode invokeSync(String task, String payload) {
        HttpResponse<String> response = client.invoke(task, payload);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client.record(response.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
    }

    private String async(String task, String payload) {
        HttpResponse<String> response = client.invoke(task, payload, "Prefer", "respond-async");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return response.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
    }

    private void awaitStatus(String id, String status) {
        client.awaitRecord(id, r -> r.path("status").asString().equals(status));
    }

    private static String environmentOf(JsonNode record) {
        return record.path("environmentId").asString();
    }

    private List<JsonNode> environments() {
        JsonNode items = client.json(client.get("/api/v1/environments")).path("items");
        return new ArrayList<>(StreamSupport.stream(items.spliterator(), false).toList());
    }

    private List<JsonNode> environmentsOf(String task) {
        return environments().stream().filter(e -> e.path("task").asString().equals(task)).toList();
    }
}
