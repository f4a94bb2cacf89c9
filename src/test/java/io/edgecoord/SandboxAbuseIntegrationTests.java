package io.edgecoord;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;

/**
 * Hostile functions on the real engine, beside {@link IsolationIntegrationTests} (which has the
 * memory bomb, the timeout and a foreign answer): a fork bomb, a handler filling {@code /tmp}, one
 * ignoring SIGTERM and looping past its timeout, 100 interleaved calls of two tasks that look for
 * each other's {@code /tmp} file, a
 * 50 MB result (the task has 512 MB, so that building it is no memory bomb). While each runs, the coordinator's liveness probe answers in under 100 ms; each
 * ends as documented, and the task's next call succeeds.
 */
class SandboxAbuseIntegrationTests extends CoordinatorIntegrationTest {

    private static final Duration LIVENESS_WITHIN = Duration.ofMillis(100);

    private static final String ABUSE = """
            import os, time

            def fork_bomb():
                children = 0
                try:
                    while True:
                        if os.fork() == 0:
                            time.sleep(5)
                            os._exit(0)
                        children += 1
                except OSError:
                    pass
                return children

            def fill_tmp():
                written = 0
                try:
                    with open("/tmp/fill", "wb") as f:
                        while True:
                            f.write(b"x" * 1048576)
                            f.flush()
                            written += 1048576
                except OSError:
                    pass
                os.remove("/tmp/fill")
                return written

            def f(event, context):
                what = event.get("do")
                if what == "ignore-term":
                    import signal
                    signal.signal(signal.SIGTERM, signal.SIG_IGN)
                    while True:
                        pass
                if what == "peek":
                    mine, theirs = "/tmp/" + context.function_name, "/tmp/" + event["other"]
                    with open(mine, "w") as out:
                        out.write(context.aws_request_id)
                    return {"sawOther": os.path.exists(theirs)}
                if what == "fork":
                    return {"children": fork_bomb()}
                if what == "fill":
                    return {"written": fill_tmp()}
                if what == "big":
                    return "x" * (50 * 1024 * 1024)
                return "ok"
            """;

    private static final com.github.dockerjava.api.DockerClient docker = io.edgecoord.support.TestDocker.client();

    @LocalServerPort
    int port;

    CoordinatorClient client;

    @BeforeEach
    void deploy() {
        client = new CoordinatorClient(port);
        client.postJson("/api/v1/tasks", """
                {"name":"abuse","runtime":"python3.11","handler":"m.f","timeoutSeconds":30,"memoryMb":512,"code":{"inline":%s}}"""
                .formatted(quote(ABUSE)));
        assertThat(client.invoke("abuse", "{}").statusCode()).isEqualTo(200);
    }

    /** Runs {@code attack} while polling liveness; the slowest liveness answer in ms. */
    private long slowestLivenessDuring(Supplier<HttpResponse<String>> attack, HttpResponse<String>[] answered)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong slowest = new AtomicLong();
        for (int i = 0; i < 20; i++) {
            client.get("/actuator/health/liveness"); // a warm connection and code path, as a prober's
        }
        // The prober shares this JVM with the coordinator and every cached test context: collect
        // now, so a collection of the suite's heap does not land in the window, and probe from a
        // platform thread of its own, as an outside prober would, not from the virtual threads'
        // two carriers that the coordinator's own work shares.
        System.gc();
        Thread probe = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                long started = System.nanoTime();
                HttpResponse<String> live = client.get("/actuator/health/liveness");
                slowest.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                assertThat(live.statusCode()).isEqualTo(200);
                try {
                    Thread.sleep(20);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        });
        try {
            answered[0] = attack.get();
        }
        finally {
            running.set(false);
            probe.join();
        }
        return slowest.get();
    }

    @SuppressWarnings("unchecked")
    private HttpResponse<String> attack(String what) throws InterruptedException {
        HttpResponse<String>[] answered = new HttpResponse[1];
        long slowest = slowestLivenessDuring(() -> client.invoke("abuse", "{\"do\": \"" + what + "\"}"), answered);
        System.out.printf("sandbox abuse %s: answered %d in the call; liveness slowest %d ms%n", what,
                answered[0].statusCode(), slowest);
        assertThat(Duration.ofMillis(slowest)).as("slowest liveness answer").isLessThan(LIVENESS_WITHIN);
        assertThat(client.invoke("abuse", "{}").statusCode()).as("the next call").isEqualTo(200);
        return answered[0];
    }

    @Test
    void aHandlerIgnoringSigtermAndLoopingPastItsTimeoutIsKilledWithItsContainer() throws Exception {
        client.postJson("/api/v1/tasks", """
                {"name":"abuse-term","runtime":"python3.11","handler":"m.f","timeoutSeconds":2,"code":{"inline":%s}}"""
                .formatted(quote(ABUSE)));
        // Warm, as the other attacks' task is (deploy()): the window holds the attack, not a cold start.
        assertThat(client.invoke("abuse-term", "{}").statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        HttpResponse<String>[] answered = new HttpResponse[1];
        long slowest = slowestLivenessDuring(() -> client.invoke("abuse-term", "{\"do\": \"ignore-term\"}"),
                answered);
        System.out.printf("sandbox abuse ignore-term: answered %d in the call; liveness slowest %d ms%n",
                answered[0].statusCode(), slowest);

        assertThat(Duration.ofMillis(slowest)).as("slowest liveness answer").isLessThan(LIVENESS_WITHIN);
        assertThat(answered[0].statusCode()).isEqualTo(504);
        String environment = client.record(answered[0].headers().firstValue("Edgecoord-Invocation-Id").orElseThrow())
                .path("environmentId").asString();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> docker.listContainersCmd()
                .withShowAll(true).withLabelFilter(java.util.Map.of("edgecoord.environment", environment)).exec()
                .isEmpty());
    }

    @Test
    void twoTasksInterleavedNeverSeeEachOthersTmp() {
        for (String name : java.util.List.of("abuse-a", "abuse-b")) {
            client.postJson("/api/v1/tasks", """
                    {"name":"%s","runtime":"python3.11","handler":"m.f","code":{"inline":%s}}"""
                    .formatted(name, quote(ABUSE)));
        }
        for (int i = 0; i < 100; i++) {
            String self = i % 2 == 0 ? "abuse-a" : "abuse-b";
            String other = i % 2 == 0 ? "abuse-b" : "abuse-a";
            HttpResponse<String> response = client.invoke(self, "{\"do\": \"peek\", \"other\": \"" + other + "\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(client.json(response).path("sawOther").asBoolean()).as("call %d of %s", i, self).isFalse();
        }
    }

    @Test
    void aForkBombStopsAtThePidsLimit() throws Exception {
        HttpResponse<String> response = attack("fork");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(client.json(response).path("children").asInt()).isBetween(1, 128);
    }

    @Test
    void fillingTmpStopsAtItsSizeAndTheCallCompletes() throws Exception {
        HttpResponse<String> response = attack("fill");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(client.json(response).path("written").asLong()).isPositive().isLessThan(1024L * 1024 * 1024);
    }

    @Test
    void aFiftyMegabyteResultIsRefusedAsResponseSizeTooLarge() throws Exception {
        HttpResponse<String> response = attack("big");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(client.json(response).path("errorType").asString()).isEqualTo("Function.ResponseSizeTooLarge");
    }
}
