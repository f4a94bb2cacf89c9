package io.edgecoord.task;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.ProcessCoordinatorTest;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

/** PATCH over real HTTP: a new version with the same code, merge-patch semantics, problems on bad input. */
class TaskPatchHttpTests extends ProcessCoordinatorTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void aPatchMakesANewVersionWithTheSameCodeAndMergesTheEnvironment() {
        CoordinatorClient admin = deploy("patched");
        JsonNode before = admin.json(admin.get("/api/v1/tasks/patched")).get("version");
        HttpResponse<String> patched = admin.request("PATCH", "/api/v1/tasks/patched", MERGE_PATCH,
                "{\"memoryMb\": 256, \"environment\": {\"A\": null, \"C\": \"3\"}}");
        assertThat(patched.statusCode()).isEqualTo(201);
        JsonNode version = admin.json(patched).get("version");
        assertThat(version.get("version").asInt()).isEqualTo(2);
        assertThat(version.get("memoryMb").asInt()).isEqualTo(256);
        assertThat(version.get("timeoutSeconds").asInt()).isEqualTo(7);
        assertThat(version.get("environment").properties()).extracting(java.util.Map.Entry::getKey)
            .containsExactly("B", "C");
        assertThat(version.get("codeSha256").asString()).isEqualTo(before.get("codeSha256").asString());

        HttpResponse<String> again = admin.request("PATCH", "/api/v1/tasks/patched", MERGE_PATCH,
                "{\"memoryMb\": 256}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(admin.json(again).get("latestVersion").asInt()).isEqualTo(2);

        HttpResponse<String> backToDefault = admin.request("PATCH", "/api/v1/tasks/patched", "application/json",
                "{\"memoryMb\": null}");
        assertThat(admin.json(backToDefault).get("version").get("memoryMb").asInt()).isEqualTo(128);
    }

    @Test
    void badPatchesAreProblemsAndChangeNothing() {
        CoordinatorClient admin = deploy("unpatched");
        assertInvalid(admin, "{\"memoryMb\": 1}", "memoryMb");
        assertInvalid(admin, "{\"runtime\": \"cobol\"}", "Unknown runtime");
        assertInvalid(admin, "{\"handler\": \"missing.handle\"}", "missing", "/invalid-code");
        assertInvalid(admin, "{\"code\": {\"inline\": \"x\"}}", "settings only");
        assertInvalid(admin, "{\"name\": \"other\"}", "name");
        assertInvalid(admin, "[1]", "JSON object");
        assertThat(admin.json(admin.get("/api/v1/tasks/unpatched")).get("latestVersion").asInt()).isEqualTo(1);
        HttpResponse<String> missing = admin.request("PATCH", "/api/v1/tasks/nobody", MERGE_PATCH, "{}");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    private void assertInvalid(CoordinatorClient admin, String patch, String detail) {
        assertInvalid(admin, patch, detail, "/invalid-task");
    }

    /** A handler the code lacks is refused as a deploy refuses it: invalid-code. */
    private void assertInvalid(CoordinatorClient admin, String patch, String detail, String type) {
        HttpResponse<String> refused = admin.request("PATCH", "/api/v1/tasks/unpatched", MERGE_PATCH, patch);
        assertThat(refused.statusCode()).as(patch).isEqualTo(400);
        JsonNode problem = admin.json(refused);
        assertThat(problem.get("type").asString()).endsWith(type);
        assertThat(problem.get("detail").asString()).contains(detail);
    }

    private CoordinatorClient deploy(String name) {
        CoordinatorClient admin = admin();
        HttpResponse<String> deployed = admin.postJson("/api/v1/tasks", """
                {"name": "%s", "runtime": "python3.11", "handler": "app.handle", "timeoutSeconds": 7,
                 "environment": {"A": "1", "B": "2"}, "code": {"inline": %s, "fileName": "app.py"}}
                """.formatted(name, quote("def handle(event, context):\n    return event\n")));
        assertThat(deployed.statusCode()).isEqualTo(201);
        return admin;
    }
}
