package io.edgecoord;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorProcess;

/**
 * SIGTERM with work in flight, on a real coordinator in a JVM of its own (process backend: its
 * tasks are Python processes, so {@code python3} must be on {@code PATH}): the synchronous call
 * running finishes and its client gets the result, asynchronous calls not yet started stay queued
 * and run once after the next start, no runtime process is left; the grace's end, or SIGTERM
 * again, stops at once.
 */
class GracefulShutdownTests {

    private static final String SLEEP_AND_NOTE = """
            import os, time

            def handle(event, context):
                fd = os.open(os.environ["RUNS_FILE"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                try:
                    os.write(fd, f"{event['n']}\\n".encode())
                finally:
                    os.close(fd)
                time.sleep(event["sleep"])
                return {"n": event["n"]}
            """;

    @TempDir
    Path work;

    private final List<CoordinatorProcess> started = new ArrayList<>();

    @AfterEach
    void killEverything() {
        started.forEach(CoordinatorProcess::close);
    }

    @Test
    void aRunningSyncCallFinishesAndQueuedAsyncCallsWaitForTheNextStart() throws Exception {
        Path data = work.resolve("data");
        Path runs = work.resolve("runs.txt");
        CoordinatorProcess coordinator = start(data, "--edgecoord.scheduler.max-concurrent=1");
        CoordinatorClient client = coordinator.client();
        deploy(client, runs);

        CompletableFuture<HttpResponse<String>> sync = invokeInBackground(coordinator, "{\"n\": 0, \"sleep\": 3}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lines(runs).contains("0"));
        List<String> queued = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            HttpResponse<String> accepted = client.invoke("drain", "{\"n\": " + n + ", \"sleep\": 0}",
                    "Prefer", "respond-async");
            assertThat(accepted.statusCode()).isEqualTo(202);
            queued.add(accepted.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
        }

        coordinator.terminate();
        HttpResponse<String> answered = sync.get();
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo("{\"n\": 0}");
        assertThat(coordinator.awaitExit(Duration.ofSeconds(30))).as("exited within the grace").isPresent();
        assertThat(lines(runs)).as("the queued asynchronous calls did not start").containsExactly("0");
        assertThat(CoordinatorProcess.runtimesOf(data)).noneMatch(CoordinatorProcess::isRunning);
        // The embedded database stays open until the drain is over (H2 closes it at the JVM's exit otherwise).
        assertThat(Files.readString(work.resolve("coordinator.log"))).doesNotContain("Database is already closed");

        CoordinatorClient again = start(data).client();
        for (String id : queued) {
            assertThat(again.awaitFinished(id).path("status").asString()).isEqualTo("SUCCEEDED");
        }
        assertThat(lines(runs)).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5");
    }

    @Test
    void theGracesEndStopsWhatStillRunsAndLeavesNoRuntimeBehind() throws Exception {
        Path data = work.resolve("data");
        Path runs = work.resolve("runs.txt");
        CoordinatorProcess coordinator = start(data, "--spring.lifecycle.timeout-per-shutdown-phase=2s");
        deploy(coordinator.client(), runs);
        invokeInBackground(coordinator, "{\"n\": 0, \"sleep\": 60}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lines(runs).contains("0"));

        coordinator.terminate();
        assertThat(coordinator.awaitExit(Duration.ofSeconds(20))).as("exited after the 2 s grace").isPresent();
        assertThat(CoordinatorProcess.runtimesOf(data)).noneMatch(CoordinatorProcess::isRunning);
    }

    @Test
    void sigtermAgainStopsAtOnce() throws Exception {
        Path data = work.resolve("data");
        Path runs = work.resolve("runs.txt");
        CoordinatorProcess coordinator = start(data);
        deploy(coordinator.client(), runs);
        invokeInBackground(coordinator, "{\"n\": 0, \"sleep\": 60}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lines(runs).contains("0"));

        coordinator.terminate();
        assertThat(coordinator.awaitExit(Duration.ofSeconds(2))).as("still draining (grace 30 s)").isEmpty();
        coordinator.terminate();
        OptionalInt exit = coordinator.awaitExit(Duration.ofSeconds(10));
        assertThat(exit).as("stopped at once by the second SIGTERM").hasValue(143);
    }

    private CoordinatorProcess start(Path data, String... settings) {
        CoordinatorProcess coordinator = CoordinatorProcess.start(data, work.resolve("coordinator.log"),
                concat(settings, "--edgecoord.execution.backend=process"));
        started.add(coordinator);
        return coordinator;
    }

    private static String[] concat(String[] settings, String more) {
        List<String> all = new ArrayList<>(List.of(settings));
        all.add(more);
        return all.toArray(String[]::new);
    }

    private static void deploy(CoordinatorClient client, Path runs) {
        assertThat(client.postJson("/api/v1/tasks", """
                {"name": "drain", "runtime": "python3.11", "handler": "fn.handle", "timeoutSeconds": 120,
                 "environment": {"RUNS_FILE": "%s"}, "code": {"inline": %s}}
                """.formatted(runs, quote(SLEEP_AND_NOTE))).statusCode()).isEqualTo(201);
    }

    /** A synchronous call on a thread of its own, answered while the test goes on. */
    private static CompletableFuture<HttpResponse<String>> invokeInBackground(CoordinatorProcess coordinator,
            String payload) {
        CoordinatorClient client = coordinator.client();
        return CompletableFuture.supplyAsync(() -> client.invoke("drain", payload),
                command -> Thread.ofVirtual().start(command));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
