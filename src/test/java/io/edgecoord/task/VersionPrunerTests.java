package io.edgecoord.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.ProcessCoordinatorTest;

/**
 * Version retention in a whole coordinator whose tasks run as processes (no Docker): of 15
 * versions with an alias on version 2, the newest 10 and the aliased one stay, rows and files,
 * and still run; a version with a live environment stays until the environment is gone.
 */
// Only the rounds after deploys and the ones this test asks for.
@TestPropertySource(properties = "edgecoord.task.retention.interval=1h")
class VersionPrunerTests extends ProcessCoordinatorTest {

    @Value("${edgecoord.data-dir}")
    Path dataDir;

    @Autowired
    VersionPruner pruner;

    @Autowired
    MeterRegistry meters;

    @Test
    void prunesVersionsOutsideTheNewestTenThatNoAliasNamesAndNothingRuns() {
        CoordinatorClient client = admin();
        double versionsBefore = purged("versions");
        double artifactsBefore = purged("artifacts");
        Map<Integer, String> all = new TreeMap<>();
        all.put(1, deploy(client, 1));
        assertThat(invoke(client, 1).statusCode()).isEqualTo(200); // leaves a warm environment of version 1
        all.put(2, deploy(client, 2));
        HttpResponse<String> alias = client.request("PUT", "/api/v1/tasks/kept/aliases/stable", "application/json",
                "{\"version\": 2}");
        assertThat(alias.statusCode()).as(alias.body()).isBetween(200, 201);
        IntStream.rangeClosed(3, 15).forEach((version) -> all.put(version, deploy(client, version)));
        List<Integer> kept = new ArrayList<>(List.of(1, 2));
        IntStream.rangeClosed(6, 15).forEach(kept::add);

        // The rounds after the deploys, on retention's own thread.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> shas(client).keySet().equals(new TreeSet<>(kept)));

        for (int gone : List.of(3, 4, 5)) {
            assertThat(artifact(all.get(gone))).doesNotExist();
            assertThat(code(all.get(gone))).doesNotExist();
            HttpResponse<String> invoked = invoke(client, gone);
            assertThat(invoked.statusCode()).isEqualTo(404);
            assertThat(invoked.body()).contains("task-not-found");
        }
        for (int stays : kept) {
            assertThat(artifact(all.get(stays))).isRegularFile();
        }
        for (int stays : kept.subList(1, kept.size())) {
            HttpResponse<String> invoked = invoke(client, stays);
            assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
            assertThat(client.json(invoked).path("v").asInt()).isEqualTo(stays);
        }

        for (JsonNode environment : client.json(client.get("/api/v1/environments")).path("items").values()) {
            if (environment.path("task").asString().equals("kept") && environment.path("version").asInt() == 1) {
                client.delete("/api/v1/environments/" + environment.path("id").asString());
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            this.pruner.round();
            return !shas(client).containsKey(1);
        });

        assertThat(artifact(all.get(1))).doesNotExist();
        assertThat(code(all.get(1))).doesNotExist();
        assertThat(shas(client).keySet()).containsExactlyInAnyOrderElementsOf(kept.subList(1, kept.size()));
        assertThat(purged("versions") - versionsBefore).isEqualTo(4);
        assertThat(purged("artifacts") - artifactsBefore).isEqualTo(4);
    }

    @Test
    void deletingATaskDeletesItsCodeButNotCodeAnotherTaskShares() {
        CoordinatorClient client = admin();
        String shared = deploy(client, "deleted", "def f(event, context):\n    return 'shared'\n", 1);
        String own = deploy(client, "deleted", "def f(event, context):\n    return 'own'\n", 2);
        assertThat(deploy(client, "sharer", "def f(event, context):\n    return 'shared'\n", 1)).isEqualTo(shared);

        assertThat(client.delete("/api/v1/tasks/deleted").statusCode()).isEqualTo(204);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(artifact(own)));
        assertThat(code(own)).doesNotExist();
        assertThat(artifact(shared)).isRegularFile();
        assertThat(client.postJson("/api/v1/tasks/sharer/invoke", "{}").body()).isEqualTo("\"shared\"");
    }

    private double purged(String what) {
        Counter counter = this.meters.find("edgecoord.storage.purged").tag("what", what).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Deploys the next version, whose code returns its number; returns the code's sha256. */
    private static String deploy(CoordinatorClient client, int version) {
        return deploy(client, "kept", "def f(event, context):\n    return {'v': " + version + "}\n", version);
    }

    private static String deploy(CoordinatorClient client, String task, String code, int version) {
        HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                {"name":"%s","runtime":"python3.11","handler":"m.f","code":{"inline":%s}}""".formatted(
                task, CoordinatorClient.quote(code)));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
        assertThat(client.json(deployed).path("latestVersion").asInt()).isEqualTo(version);
        return client.json(deployed).path("version").path("codeSha256").asString();
    }

    private static HttpResponse<String> invoke(CoordinatorClient client, int version) {
        return client.postJson("/api/v1/tasks/kept/invoke?version=" + version, "{}");
    }

    /** Each stored version's code sha256, by version. */
    private static Map<Integer, String> shas(CoordinatorClient client) {
        Map<Integer, String> shas = new TreeMap<>();
        JsonNode versions = client.json(client.get("/api/v1/tasks/kept/versions?page=0&size=100")).path("items");
        versions.values().forEach((v) -> shas.put(v.path("version").asInt(), v.path("codeSha256").asString()));
        return shas;
    }

    private Path artifact(String sha256) {
        return this.dataDir.resolve("artifacts/sha256").resolve(sha256.substring(0, 2)).resolve(sha256 + ".zip");
    }

    private Path code(String sha256) {
        return this.dataDir.resolve("code").resolve(sha256);
    }
}
