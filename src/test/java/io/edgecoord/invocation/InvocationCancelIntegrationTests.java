package io.edgecoord.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorIntegrationTest;

/**
 * Cancelling calls and deadlines over real HTTP and real containers. One call runs at a time, so
 * a second call waits in the queue while a slow one runs; every test leaves nothing running.
 */
@TestPropertySource(properties = {
        CoordinatorIntegrationTest.VARIANT + "=cancel",
        "edgecoord.scheduler.max-concurrent=1",
})
class InvocationCancelIntegrationTests extends CoordinatorIntegrationTest {

    private static final String SLEEPS = """
            import time
            def handle(event, context):
                time.sleep(event.get("seconds", 30))
                return {"slept": True}
            """;

    private static final String REMAINING = """
            def handle(event, context):
                return {"remaining": context.get_remaining_time_in_millis()}
            """;

    private void deploy(String name, String code) {
        assertThat(client.deployInline(name, "python3.11", "fn.handle", 128, 60, code).statusCode()).isIn(200, 201);
    }

    private static String idOf(HttpResponse<String> response) {
        return response.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
    }

    private String runningSleeper(String task) {
        String id = idOf(client.invoke(task, "{\"seconds\": 30}", "Prefer", "respond-async"));
        client.awaitRecord(id, r -> r.path("status").asString().equals("RUNNING"));
        return id;
    }

    private boolean environmentIsLive(String environmentId) {
        return client.get("/api/v1/environments/" + environmentId).statusCode() == 200;
    }

    @Test
    void aQueuedCallIsCancelledAndNeverRuns() {
        deploy("cancel-queued", SLEEPS);
        String slow = runningSleeper("cancel-queued");
        String queued = idOf(client.invoke("cancel-queued", "{\"seconds\": 0}", "Prefer", "respond-async"));
        assertThat(client.record(queued).path("status").asString()).isEqualTo("QUEUED");

        HttpResponse<String> cancelled = client.delete("/api/v1/invocations/" + queued);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(client.json(cancelled).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(client.delete("/api/v1/invocations/" + slow).statusCode()).isIn(200, 202);
        client.awaitRecord(slow, r -> r.path("status").asString().equals("CANCELLED"));
        JsonNode record = client.record(queued);
        assertThat(record.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(record.path("startedAt").isNull()).isTrue();
        assertThat(record.path("environmentId").isNull()).isTrue();
        assertThat(record.path("attempt").asInt()).isEqualTo(1);
        assertThat(client.delete("/api/v1/invocations/" + queued).statusCode()).isEqualTo(200);
    }

    @Test
    void aRunningCallIsStoppedItsEnvironmentRemovedAndItsWaitingCallerAnswered() {
        deploy("cancel-running", SLEEPS);
        CompletableFuture<HttpResponse<String>> caller = CompletableFuture.supplyAsync(
                () -> client.invoke("cancel-running", "{\"seconds\": 30}"));
        JsonNode running = Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> client.json(client.get("/api/v1/invocations?task=cancel-running")).path("items"),
                items -> items.size() == 1 && items.get(0).path("status").asString().equals("RUNNING")).get(0);
        String id = running.path("id").asString();
        String environmentId = running.path("environmentId").asString();

        HttpResponse<String> stopping = client.delete("/api/v1/invocations/" + id);

        assertThat(stopping.statusCode()).isIn(200, 202);
        JsonNode cancelled = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> client.record(id), r -> r.path("status").asString().equals("CANCELLED"));
        assertThat(cancelled.path("error").path("message").asString()).contains("while running");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !environmentIsLive(environmentId));
        HttpResponse<String> answer = caller.join();
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(client.json(answer).path("type").asString())
                .isEqualTo("https://edgecoord.io/problems/invocation-cancelled");
        assertThat(client.delete("/api/v1/invocations/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void anEndedCallCannotBeCancelledAndAnUnknownOneIsNotFound() {
        deploy("cancel-ended", REMAINING);
        String id = idOf(client.invoke("cancel-ended", "{}"));

        HttpResponse<String> refused = client.delete("/api/v1/invocations/" + id);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(client.json(refused).path("type").asString())
                .isEqualTo("https://edgecoord.io/problems/invocation-not-cancellable");
        assertThat(client.delete("/api/v1/invocations/no-such-call").statusCode()).isEqualTo(404);
    }

    @Test
    void theDeadlineReachesTheRuntimeAndShowsInTheRecord() {
        deploy("deadline-remaining", REMAINING);
        assertThat(client.invoke("deadline-remaining", "{}").statusCode()).isEqualTo(200);

        HttpResponse<String> answer = client.invoke("deadline-remaining", "{}", "Edgecoord-Deadline-Ms", "3000",
                "Edgecoord-Priority", "9");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(client.json(answer).path("remaining").asLong()).isBetween(1L, 3000L);
        JsonNode record = client.record(idOf(answer));
        assertThat(record.path("deadlineAt").isString()).isTrue();
        assertThat(record.path("priority").asInt()).isEqualTo(5);
        assertThat(record.path("queuedMs").isNumber()).isTrue();
        assertThat(record.path("acquireMs").isNumber()).isTrue();
        assertThat(record.path("runMs").isNumber()).isTrue();
    }

    @Test
    void aDeadlineThatPassesWhileRunningCutsTheCallShortAsATimeout() {
        deploy("deadline-cut", SLEEPS);
        // Warm first: a cold start slower than the deadline would expire the call before it ran.
        assertThat(client.invoke("deadline-cut", "{\"seconds\": 0}").statusCode()).isEqualTo(200);

        HttpResponse<String> answer = client.invoke("deadline-cut", "{\"seconds\": 10}",
                "Edgecoord-Deadline-Ms", "1500");

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(client.json(answer).path("type").asString())
                .isEqualTo("https://edgecoord.io/problems/function-timeout");
        JsonNode record = client.record(idOf(answer));
        assertThat(record.path("status").asString()).isEqualTo("TIMED_OUT");
        assertThat(record.path("error").path("message").asString()).contains("deadline");
    }

    @Test
    void aCallWhoseDeadlinePassesBeforeItRunsExpiresAndItsCallerIsToldSo() {
        deploy("deadline-expired", REMAINING);

        // A new environment takes far longer than a millisecond to start.
        HttpResponse<String> answer = client.invoke("deadline-expired", "{}", "Edgecoord-Deadline-Ms", "1");

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(answer.headers().firstValue("Edgecoord-Function-Error")).isEmpty();
        assertThat(client.json(answer).path("type").asString())
                .isEqualTo("https://edgecoord.io/problems/deadline-expired");
        assertThat(client.record(idOf(answer)).path("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void aBadDeadlineOrPriorityIsRefusedBeforeAnythingIsRecorded() {
        deploy("deadline-bad", REMAINING);

        assertThat(client.invoke("deadline-bad", "{}", "Edgecoord-Deadline-Ms", "-1").statusCode()).isEqualTo(400);
        assertThat(client.invoke("deadline-bad", "{}", "Edgecoord-Priority", "x").statusCode()).isEqualTo(400);
        assertThat(client.json(client.get("/api/v1/invocations?task=deadline-bad")).path("items").size()).isZero();
    }
}
