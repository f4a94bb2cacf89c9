package io.edgecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.edgecoord.support.ProcessCoordinatorTest;
import io.edgecoord.support.TestKeys;

/** Errors that no controller answers still have the API's shape: a problem, or Lambda's on the Lambda APIs. */
class ErrorShapesHttpTests extends ProcessCoordinatorTest {

    @Test
    void aRequestLineTheContainerRefusesIsAProblemAndNotTomcatsHtmlPage() throws IOException {
        RawHttp.Answer answer = send("GET", "/api/v1/tasks/名前", Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"https://edgecoord.io/problems/invalid-request\"")
            .doesNotContain("<html");
    }

    @Test
    void aGarbageAcceptHeaderDoesNotCostAProblemItsBody() throws IOException {
        RawHttp.Answer answer = send("GET", "/api/v1/tasks/no-such-task", Map.of("Accept", "garbage"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("task-not-found");
    }

    @Test
    void onTheLambdaApisAnErrorNoLambdaControllerAnswersHasLambdasShape() throws IOException {
        RawHttp.Answer unmapped = send("DELETE", "/2015-03-31/functions", Map.of());
        RawHttp.Answer undecodable = send("GET", "/2015-03-31/functions?Marker=%zz", Map.of());
        RawHttp.Answer unauthenticated = send("GET", "/2017-10-31/functions/x/concurrency",
                Map.of("Authorization", "Bearer garbage"));

        for (RawHttp.Answer answer : new RawHttp.Answer[] { unmapped, undecodable, unauthenticated }) {
            assertThat(answer.header("content-type")).startsWith("application/json");
            assertThat(answer.header("x-amzn-errortype")).isNotEmpty();
            assertThat(answer.body()).contains("\"Type\":\"User\"", "\"message\":");
        }
        assertThat(unmapped.status()).isEqualTo(405);
        assertThat(undecodable.status()).isEqualTo(400);
        assertThat(unauthenticated.status()).isEqualTo(401);
    }

    @Test
    void aSigV4SignatureSentToTheNativeApiIsRefusedWithAProblem() throws IOException {
        RawHttp.Answer answer = new RawHttp(port).send(new FuzzRequest(0, "test", "GET", "/api/v1/tasks",
                Map.of("Authorization", "AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=00"), null));

        assertThat(answer.status()).isBetween(400, 403);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void aYamlDeviceProfileOverOneMegabyteIsRefusedUnparsedAndAtOnce() {
        String huge = "name: \"" + "z".repeat(7 * 1024 * 1024) + "\"\n";
        long started = System.nanoTime();
        java.net.http.HttpResponse<String> answer = admin().post("/api/v1/device-profiles", "application/yaml", huge);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("https://edgecoord.io/problems/payload-too-large");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
    }

    private RawHttp.Answer send(String method, String target, Map<String, String> headers) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Authorization", "Bearer " + TestKeys.ADMIN);
        return new RawHttp(port).send(new FuzzRequest(0, "test", method, target, all, null));
    }
}
