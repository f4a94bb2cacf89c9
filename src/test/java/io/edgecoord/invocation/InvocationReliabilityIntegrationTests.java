package io.edgecoord.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorIntegrationTest;

/**
 * Retries, dead letters, replays and idempotency keys over real HTTP and real containers, with a
 * back-off of milliseconds instead of seconds.
 */
@TestPropertySource(properties = {
        CoordinatorIntegrationTest.VARIANT + "=retries",
        "edgecoord.invocation.retry-delay=100ms",
        "edgecoord.invocation.max-retry-delay=200ms",
})
class InvocationReliabilityIntegrationTests extends CoordinatorIntegrationTest {

    private static final String FAILING = """
            def handle(event, context):
                print("attempt of " + context.aws_request_id)
                raise ValueError("always fails")
            """;

    private static final String FIXED = """
            def handle(event, context):
                return {"fixed": event["order"]}
            """;

    private void deploy(String name, String code) {
        assertThat(client.deployInline(name, "python3.11", "fn.handle", 128, 10, code).statusCode()).isEqualTo(201);
    }

    private static String idOf(HttpResponse<String> response) {
        return response.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
    }

    @Test
    void anAsynchronousCallThatAlwaysFailsIsTriedThreeTimesThenDeadLetteredAndReplayRunsItAgain() {
        deploy("rel-failing", FAILING);

        String id = idOf(client.invoke("rel-failing", "{\"order\": 7}", "Prefer", "respond-async"));
        JsonNode dead = client.awaitRecord(id, r -> r.path("status").asString().equals("DEAD_LETTERED"));

        assertThat(dead.path("attempt").asInt()).isEqualTo(3);
        assertThat(dead.path("deadLetterReason").asString()).isEqualTo("RetriesExhausted");
        assertThat(dead.path("error").path("type").asString()).isEqualTo("ValueError");
        assertThat(dead.path("runMs").isNumber()).isTrue();
        assertThat(dead.path("queuedMs").isNumber()).isTrue();
        assertThat(client.get("/api/v1/invocations?task=rel-failing&status=DEAD_LETTERED").body()).contains(id);

        deploy("rel-failing", FIXED);
        HttpResponse<String> replay = client.postJson("/api/v1/invocations/" + id + "/replay", "");
        assertThat(replay.statusCode()).isEqualTo(202);
        String replayId = idOf(replay);
        assertThat(replay.headers().firstValue("Location")).contains("/api/v1/invocations/" + replayId);

        JsonNode replayed = client.awaitFinished(replayId);
        assertThat(replayed.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(replayed.path("replayOf").asString()).isEqualTo(id);
        assertThat(replayed.path("version").asInt()).isEqualTo(2);
        assertThat(replayed.path("attempt").asInt()).isEqualTo(1);
        assertThat(replayed.path("result").path("fixed").asInt()).isEqualTo(7);
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstCallAndRefusesAnotherPayload() {
        deploy("rel-once", FIXED);

        HttpResponse<String> first = client.invoke("rel-once", "{\"order\": 1}", "Idempotency-Key", "order-1");
        HttpResponse<String> again = client.invoke("rel-once", "{\"order\": 1}", "Idempotency-Key", "order-1");
        HttpResponse<String> other = client.invoke("rel-once", "{\"order\": 2}", "Idempotency-Key", "order-1");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(idOf(again)).isEqualTo(idOf(first));
        assertThat(client.json(again).path("fixed").asInt()).isEqualTo(1);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(client.json(other).path("type").asString())
                .isEqualTo("https://edgecoord.io/problems/idempotency-key-reused");
    }
}
