package io.edgecoord.invocation;

import static io.edgecoord.support.CoordinatorClient.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorProcess;

/**
 * Kills the coordinator with SIGKILL while it holds accepted asynchronous calls, a few running
 * and most queued, starts it again on the same data folder, and proves that every accepted call
 * ends SUCCEEDED: one that was queued at the kill runs exactly once, one that was running runs
 * again as the retry policy says (attempt 2; its first run may have happened, so at least once),
 * and one accepted while the new coordinator starts, before it is ready, runs exactly once. What
 * was running and queued at the kill is read from a copy of the database files.
 *
 * <p>The coordinator runs as a separate JVM on the process backend, so that the task, a Python
 * handler, appends one line per run to a file on this machine: no Docker is needed, but
 * {@code python3} must be on {@code PATH}. The runtime processes the killed coordinator leaves
 * behind are orphans: a run already in its handler finishes it (its line is written when it
 * starts), then the runtime exits when it cannot post its result; the restarted coordinator kills
 * any still alive from their pid files. Lines they write after the kill are checked to belong to
 * calls that were running at the kill. Run it alone with
 * {@code ./mvnw -B test -Dtest=CrashRecoveryIntegrationTests}; it prints what it measured.
 */
class CrashRecoveryIntegrationTests {

    private static final int CALLS = 40;
    private static final int MAX_CONCURRENT = 2;
    private static final int KILL_AFTER_RUNS = 5;
    private static final int CALLS_DURING_RESTART = 20;
    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "TIMED_OUT", "DEAD_LETTERED");

    private static final String APPEND_RUN = """
            import os, time

            def handle(event, context):
                # One write with O_APPEND: concurrent runs never interleave their lines.
                fd = os.open(os.environ["RUNS_FILE"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                try:
                    os.write(fd, f"{context.aws_request_id} {os.getpid()}\\n".encode())
                finally:
                    os.close(fd)
                time.sleep(0.3)
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
    void everyAcceptedCallEndsOnceOrAsRetriedAfterTheCoordinatorIsKilledAndStartedAgain() throws Exception {
        Path data = work.resolve("data");
        Path runs = work.resolve("runs.txt");
        Path log = work.resolve("coordinator.log");
        try {
            CoordinatorClient client = start(data, log);
            assertThat(client.postJson("/api/v1/tasks", """
                    {"name": "crash", "runtime": "python3.11", "handler": "fn.handle", "timeoutSeconds": 10,
                     "environment": {"RUNS_FILE": "%s"}, "code": {"inline": %s}}
                    """.formatted(runs, quote(APPEND_RUN))).statusCode()).isEqualTo(201);

            List<String> accepted = new ArrayList<>();
            for (int n = 0; n < CALLS; n++) {
                accepted.add(invoke(client, n));
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> lines(runs).size() >= KILL_AFTER_RUNS);

            started.getFirst().kill();
            int runsAtKill = lines(runs).size();
            List<ProcessHandle> leftovers = CoordinatorProcess.runtimesOf(data);
            Map<String, String> atKill = statusesOnDisk(data, work.resolve("db-at-kill"));
            assertThat(atKill).as("every accepted call is committed").containsKeys(accepted.toArray(String[]::new));
            Set<String> running = idsWith(atKill, "RUNNING");
            Set<String> queued = idsWith(atKill, "QUEUED");
            assertThat(running).hasSizeBetween(1, MAX_CONCURRENT);
            assertThat(queued).isNotEmpty();
            int runsBeforeRestart = lines(runs).size();
            List<String> afterKill = lines(runs).subList(runsAtKill, runsBeforeRestart);

            CoordinatorProcess restarted = launch(data, log);
            client = restarted.client();
            List<String> duringRestart = invokeUntilReady(restarted, client);
            assertThat(leftovers).as("runtimes the killed coordinator left").noneMatch(CoordinatorProcess::isRunning);
            accepted.addAll(duringRestart);
            Map<String, Record> records = awaitFinal(client, accepted);

            Map<String, Long> runsPerId = lines(runs).stream()
                    .collect(Collectors.groupingBy(line -> line.split(" ")[0], Collectors.counting()));
            assertThat(runsPerId.keySet()).as("ids that ran").isSubsetOf(accepted);
            assertThat(records.values()).extracting(Record::status).containsOnly("SUCCEEDED");
            for (String id : accepted) {
                Record record = records.get(id);
                long ran = runsPerId.getOrDefault(id, 0L);
                if (running.contains(id)) {
                    assertThat(record.attempt()).as("attempt of %s, running at the kill", id).isEqualTo(2);
                    assertThat(ran).as("runs of %s, running at the kill", id).isBetween(1L, 2L);
                }
                else {
                    String state = atKill.getOrDefault(id, "accepted during the restart");
                    assertThat(record.attempt()).as("attempt of %s, %s", id, state).isEqualTo(1);
                    assertThat(ran).as("runs of %s, %s", id, state).isEqualTo(1);
                }
            }
            assertThat(afterKill).as("runs started after the kill by the killed coordinator's runtimes")
                    .allMatch(line -> running.contains(line.split(" ")[0]));

            System.out.printf("crash test: %d accepted; at the kill %d succeeded, %d running, %d queued; "
                    + "%d runs started before the kill, %d after it by %d orphaned runtimes; after the restart "
                    + "%d queued calls ran once, %d running calls were retried (runs: %s), %d calls accepted while it "
                    + "started ran once%n", accepted.size() - duringRestart.size(),
                    idsWith(atKill, "SUCCEEDED").size(), running.size(), queued.size(), runsAtKill, afterKill.size(),
                    leftovers.size(), queued.size(), running.size(),
                    running.stream().map(id -> runsPerId.getOrDefault(id, 0L).toString()).toList(),
                    duringRestart.size());
            try (Stream<String> said = Files.lines(log)) {
                said.filter(line -> line.contains("Recovered") || line.contains("runtime processes"))
                        .forEach(line -> System.out.println("crash test: the coordinator said: " + line));
            }
        }
        catch (Throwable failure) {
            System.err.println("--- coordinator output (" + log + ") ---");
            System.err.println(Files.exists(log) ? Files.readString(log) : "(none)");
            throw failure;
        }
    }

    private CoordinatorClient start(Path data, Path log) {
        CoordinatorProcess coordinator = launch(data, log);
        coordinator.awaitReady();
        return coordinator.client();
    }

    private CoordinatorProcess launch(Path data, Path log) {
        CoordinatorProcess coordinator = CoordinatorProcess.launch(data, log, "--edgecoord.execution.backend=process",
                "--edgecoord.scheduler.max-concurrent=" + MAX_CONCURRENT,
                "--logging.level.root=WARN", "--logging.level.io.edgecoord=INFO");
        started.add(coordinator);
        return coordinator;
    }

    private static String invoke(CoordinatorClient client, int n) {
        HttpResponse<String> response = invokeAsync(client, n);
        assertThat(response.statusCode()).isEqualTo(202);
        return idOf(response);
    }

    private static HttpResponse<String> invokeAsync(CoordinatorClient client, int n) {
        return client.invoke("crash", "{\"n\": " + n + "}", "Prefer", "respond-async");
    }

    private static String idOf(HttpResponse<String> response) {
        String id = response.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/invocations/" + id);
        return id;
    }

    /**
     * Calls as a client that does not wait for readiness does, from the moment the port answers
     * until the coordinator is ready: calls accepted while it recovers are new calls, run once.
     */
    private static List<String> invokeUntilReady(CoordinatorProcess coordinator, CoordinatorClient client)
            throws InterruptedException {
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!coordinator.isReady()) {
            assertThat(System.nanoTime()).as("ready within 120 s").isLessThan(deadline);
            try {
                if (ids.size() < CALLS_DURING_RESTART) {
                    HttpResponse<String> response = invokeAsync(client, CALLS + ids.size());
                    if (response.statusCode() == 202) {
                        ids.add(idOf(response));
                    }
                }
                else {
                    Thread.sleep(50);
                }
            }
            catch (UncheckedIOException notListeningYet) {
                Thread.sleep(10);
            }
        }
        return ids;
    }

    record Record(String status, int attempt) {
    }

    static Map<String, Record> awaitFinal(CoordinatorClient client, List<String> ids) {
        return awaitFinal(client, ids, Duration.ofSeconds(60));
    }

    static Map<String, Record> awaitFinal(CoordinatorClient client, List<String> ids, Duration within) {
        return Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(250))
                .until(() -> ids.stream().collect(Collectors.toMap(Function.identity(), id -> {
                    var json = client.record(id);
                    return new Record(json.path("status").asString(), json.path("attempt").asInt());
                })), all -> all.values().stream().allMatch(r -> FINAL.contains(r.status())));
    }

    /**
     * The status of every invocation as the killed coordinator left it on disk, read from a copy of
     * its H2 files, so that the restarted coordinator opens them exactly as the kill left them.
     */
    private static Map<String, String> statusesOnDisk(Path data, Path copy) throws IOException, SQLException {
        FileSystemUtils.copyRecursively(data.resolve("db"), copy);
        Map<String, String> statuses = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + copy.resolve("edgecoord") + ";AUTO_SERVER=FALSE", "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id, status from invocation")) {
            while (rows.next()) {
                statuses.put(rows.getString("id"), rows.getString("status"));
            }
        }
        return statuses;
    }

    private static Set<String> idsWith(Map<String, String> statuses, String status) {
        return statuses.entrySet().stream().filter(e -> e.getValue().equals(status)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank()).toList();
        }
    }
}
