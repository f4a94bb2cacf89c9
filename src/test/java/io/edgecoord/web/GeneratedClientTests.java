package io.edgecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.ProcessCoordinatorTest;
import io.edgecoord.support.NodeTests;
import io.edgecoord.support.TestKeys;

/**
 * A TypeScript client generated from the served {@code /v3/api-docs} (openapi-typescript, with
 * openapi-fetch) compiles with {@code tsc} and deploys, invokes and reads an invocation against a
 * running coordinator. Tasks run as processes here, so no Docker is needed.
 */
class GeneratedClientTests extends ProcessCoordinatorTest {

    @Test
    void aClientGeneratedFromTheDocumentDeploysInvokesAndReadsTheRecord() throws IOException {
        NodeTests.require();
        CoordinatorClient admin = admin();
        Path document = Files.createTempFile("ec-api-docs", ".json");
        Files.writeString(document, admin.get("/v3/api-docs").body());

        String out = NodeTests.run(180, "bash", "client/build-and-run.sh", document.toString(),
                baseUrl(), TestKeys.ADMIN, "generated");

        JsonNode answer = JsonMapper.shared().readTree(out.strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(answer.path("deployedVersion").asInt()).isEqualTo(1);
        assertThat(answer.at("/result/hello").asString()).isEqualTo("generated");
        assertThat(answer.at("/record/status").asString()).isEqualTo("SUCCEEDED");
        assertThat(answer.at("/record/task").asString()).isEqualTo("generated");
        Files.delete(document);
    }
}
