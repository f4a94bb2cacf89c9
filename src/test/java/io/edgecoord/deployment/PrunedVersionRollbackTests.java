package io.edgecoord.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.ProcessCoordinatorTest;

/**
 * Bundles pin no task versions: a rollback to a bundle whose alias names a version that version
 * retention has pruned since fails whole, and says the version was pruned.
 */
@TestPropertySource(properties = "edgecoord.task.retention.keep-versions=1")
class PrunedVersionRollbackTests extends ProcessCoordinatorTest {

    @Test
    void aRollbackToABundleWhoseAliasNamesAPrunedVersionSaysSoAndChangesNothing() {
        CoordinatorClient client = admin();
        assertThat(apply(client, 1, "1").statusCode()).isEqualTo(201);
        assertThat(apply(client, 2, "latest").statusCode()).isEqualTo(201);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> versions(client).equals(List.of(2)));

        HttpResponse<String> rolledBack = client.postJson("/api/v1/deployments/1/rollback", "");

        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(400);
        assertThat(rolledBack.body()).contains("invalid-bundle", "no version 1", "pruned");
        assertThat(versions(client)).containsExactly(2);
        assertThat(client.json(client.get("/api/v1/tasks/pinned/aliases/live")).path("version").asInt())
            .isEqualTo(2);
    }

    private static HttpResponse<String> apply(CoordinatorClient client, int returns, String aliasVersion) {
        return client.post("/api/v1/deployments", "application/yaml", """
                tasks:
                  - name: pinned
                    runtime: python3.11
                    handler: m.f
                    code: {inline: "def f(event, context):\\n    return %d\\n", fileName: m.py}
                aliases:
                  - {task: pinned, name: live, version: "%s"}
                """.formatted(returns, aliasVersion));
    }

    private static List<Integer> versions(CoordinatorClient client) {
        List<Integer> versions = new ArrayList<>();
        client.json(client.get("/api/v1/tasks/pinned/versions?page=0&size=100")).path("items").values()
            .forEach((v) -> versions.add(v.path("version").asInt()));
        return versions;
    }
}
