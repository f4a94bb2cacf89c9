package io.edgecoord.invocation;

import static io.edgecoord.support.CoordinatorClient.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.edgecoord.invocation.CrashRecoveryIntegrationTests.Record;
import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorProcess;

/**
 * {@code kill -9} under a sustained load: {@value #CLIENTS} clients call asynchronously without
 * pause, the coordinator is killed once {@value #KILL_AFTER} calls were accepted, and the clients
 * go on calling (refused while it is down) through its restart until at least {@value #AT_LEAST}
 * were accepted. Every accepted call ends SUCCEEDED, none runs more often than its attempts (a call
 * running at the kill runs again as attempt 2, as the retry policy says), none takes more than the
 * policy's 1 + {@value #MAX_RETRIES} attempts, and what ran without its 202 reaching a client is at
 * most one call per client (the one in flight at the kill).
 * <p>
 * Mirrors {@link CrashRecoveryIntegrationTests} (process backend, a Python handler appending a
 * line per run, {@code python3} on {@code PATH}) with a no-op handler and a high concurrency, so
 * the load is the coordinator's and not the handler's.
 */
class CrashUnderLoadIntegrationTests {

    private static final int CLIENTS = 4;
    private static final int KILL_AFTER = 500;
    private static final int AT_LEAST = 1_000;
    private static final int MAX_RETRIES = 2;

    private static final String APPEND_RUN = """
            import os

            def handle(event, context):
                fd = os.open(os.environ["RUNS_FILE"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                try:
                    os.write(fd, f"{context.aws_request_id}\\n".encode())
                finally:
                    os.close(fd)
                return None
            """;

    @TempDir
    Path work;

    private final List<CoordinatorProcess> started = new ArrayList<>();

    private final AtomicReference<CoordinatorClient> current = new AtomicReference<>();

    private final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();

    private final AtomicInteger refused = new AtomicInteger();

    private final AtomicBoolean calling = new AtomicBoolean(true);

    @AfterEach
    void killEverything() {
        calling.set(false);
        started.forEach(CoordinatorProcess::close);
    }

    @Test
    void noAcceptedCallIsLostOrRunMoreOftenThanItsRetriesAllowWhenKilledUnderLoad() throws Exception {
        Path data = work.resolve("data");
        Path runs = work.resolve("runs.txt");
        Path log = work.resolve("coordinator.log");
        try {
            CoordinatorProcess first = launch(data, log);
            first.awaitReady();
            current.set(first.client());
            assertThat(current.get().postJson("/api/v1/tasks", """
                    {"name": "load", "runtime": "python3.11", "handler": "fn.handle", "timeoutSeconds": 10,
                     "environment": {"RUNS_FILE": "%s"}, "code": {"inline": %s}}
                    """.formatted(runs, quote(APPEND_RUN))).statusCode()).isEqualTo(201);

            ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(this::call);
            }
            long loadStarted = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> accepted.size() >= KILL_AFTER);
            double rate = accepted.size() / (Duration.ofNanos(System.nanoTime() - loadStarted).toMillis() / 1000.0);
            first.kill();
            int acceptedAtKill = accepted.size();
            int runsAtKill = CrashRecoveryIntegrationTests.lines(runs).size();

            long restarting = System.nanoTime();
            CoordinatorProcess second = launch(data, log);
            current.set(second.client());
            second.awaitReady();
            long readyMs = Duration.ofNanos(System.nanoTime() - restarting).toMillis();
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> accepted.size() >= AT_LEAST);
            calling.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            List<String> ids = List.copyOf(accepted);
            Map<String, Record> records = CrashRecoveryIntegrationTests.awaitFinal(second.client(), ids,
                    Duration.ofSeconds(120));
            Map<String, Long> runsPerId = CrashRecoveryIntegrationTests.lines(runs).stream()
                    .collect(Collectors.groupingBy(line -> line, Collectors.counting()));
            assertThat(records.values()).extracting(Record::status).containsOnly("SUCCEEDED");
            for (String id : ids) {
                long ran = runsPerId.getOrDefault(id, 0L);
                int attempt = records.get(id).attempt();
                assertThat(ran).as("runs of %s", id).isBetween(1L, (long) attempt);
                assertThat(attempt).as("attempt of %s", id).isBetween(1, 1 + MAX_RETRIES);
            }
            List<String> unanswered = runsPerId.keySet().stream().filter(id -> !accepted.contains(id)).toList();
            assertThat(unanswered).as("ran without a 202 reaching a client").hasSizeLessThanOrEqualTo(CLIENTS);

            System.out.printf("crash under load: %d accepted (%d before the kill at %.0f/s, %d runs by then); "
                    + "%d refused or unanswered while down; ready again %d ms after the restart began; "
                    + "%d retried (attempt 2), %d ran twice, %d ran without their 202 arriving%n", ids.size(),
                    acceptedAtKill, rate, runsAtKill, refused.get(), readyMs,
                    records.values().stream().filter(r -> r.attempt() > 1).count(),
                    runsPerId.values().stream().filter(n -> n > 1).count(), unanswered.size());
        }
        catch (Throwable failure) {
            System.err.println("--- coordinator output (" + log + ") ---");
            System.err.println(Files.exists(log) ? Files.readString(log) : "(none)");
            throw failure;
        }
    }

    /** Calls until told to stop, following the coordinator to its new port after the restart. */
    private void call() {
        int n = 0;
        while (calling.get()) {
            try {
                HttpResponse<String> response = current.get().invoke("load", "{\"n\": " + n++ + "}", "Prefer",
                        "respond-async");
                if (response.statusCode() == 202) {
                    accepted.add(response.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
                }
                else {
                    refused.incrementAndGet();
                }
            }
            catch (UncheckedIOException down) {
                refused.incrementAndGet();
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private CoordinatorProcess launch(Path data, Path log) {
        CoordinatorProcess coordinator = CoordinatorProcess.launch(data, log, "--edgecoord.execution.backend=process",
                "--edgecoord.scheduler.max-concurrent=16", "--edgecoord.invocation.max-retries=" + MAX_RETRIES,
                "--logging.level.root=WARN", "--logging.level.io.edgecoord=INFO");
        started.add(coordinator);
        return coordinator;
    }
}
