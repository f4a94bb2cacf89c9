package io.edgecoord;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.CuttableProxy;

/**
 * The Docker engine goes away under load: the coordinator reaches the engine through a unix
 * socket of the test's ({@link CuttableProxy}), which the test cuts for {@value #OUTAGE_SECONDS} s
 * (the socket gone, every connection closed, as when dockerd stops). Warm calls keep working,
 * since a warm environment talks to the coordinator over its own socket, not through the engine;
 * cold calls answer 503 {@code execution-unavailable} within 2 s; within 2 s of the engine's return
 * health says UP again and a cold call succeeds.
 */
@TestPropertySource(properties = CoordinatorIntegrationTest.VARIANT + "=engine-outage")
class EngineOutageIntegrationTests extends CoordinatorIntegrationTest {

    static final int OUTAGE_SECONDS = 20;

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    private static CuttableProxy engine;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engineThroughTheProxy(DynamicPropertyRegistry registry) throws Exception {
        Path socket = Files.createTempDirectory(Path.of("/tmp"), "eng").resolve("docker.sock");
        engine = CuttableProxy.start(socket, Path.of("/var/run/docker.sock"));
        registry.add("edgecoord.execution.docker.host", () -> "unix://" + socket);
    }

    // The proxy is never closed: the test's context outlives this class (it is closed at the JVM's
    // end, after every @AfterAll) and must still reach the engine then to remove its containers.

    @Test
    void warmCallsGoOnColdOnesAnswer503QuicklyAndBothWorkSoonAfterTheEngineReturns() throws Exception {
        CoordinatorClient client = new CoordinatorClient(port);
        String code = quote("def f(event, context):\n    return 'ok'\n");
        for (String task : List.of("warm", "cold-1", "cold-2")) {
            assertThat(client.postJson("/api/v1/tasks", """
                    {"name":"engine-%s","runtime":"python3.11","handler":"m.f","code":{"inline":%s}}"""
                    .formatted(task, code)).statusCode()).isEqualTo(201);
        }
        assertThat(client.invoke("engine-warm", "{}").statusCode()).isEqualTo(200);

        engine.cut();
        long cut = System.nanoTime();
        List<Long> warmMillis = new ArrayList<>();
        List<Long> coldMillis = new ArrayList<>();
        HttpResponse<String> healthWhileGone;
        try {
            while (System.nanoTime() - cut < Duration.ofSeconds(OUTAGE_SECONDS).toNanos()) {
                long started = System.nanoTime();
                HttpResponse<String> warm = client.invoke("engine-warm", "{}");
                warmMillis.add((System.nanoTime() - started) / 1_000_000);
                assertThat(warm.statusCode()).as(warm.body()).isEqualTo(200);

                started = System.nanoTime();
                HttpResponse<String> cold = client.invoke("engine-cold-1", "{}");
                coldMillis.add((System.nanoTime() - started) / 1_000_000);
                assertThat(cold.statusCode()).as(cold.body()).isEqualTo(503);
                assertThat(client.json(cold).path("type").asString())
                        .isEqualTo("https://edgecoord.io/problems/execution-unavailable");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThanOrEqualTo(ANSWER_WITHIN);
                Thread.sleep(200);
            }
            healthWhileGone = client.get("/actuator/health");
        }
        finally {
            // Restored also when an assertion fails, so that the context can remove its containers.
            engine.restore();
        }
        long restored = System.nanoTime();
        Awaitility.await().atMost(ANSWER_WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> client.json(client.get("/actuator/health")).path("components").path("docker")
                        .path("status").asString().equals("UP"));
        long healthyMs = (System.nanoTime() - restored) / 1_000_000;
        long coldStarted = System.nanoTime();
        HttpResponse<String> cold = client.invoke("engine-cold-2", "{}");
        long coldMs = (System.nanoTime() - coldStarted) / 1_000_000;

        System.out.printf("engine outage: %d s; %d warm calls all 200 (slowest %d ms), %d cold calls all 503 "
                + "(slowest %d ms); docker UP %d ms after the engine returned, then a cold call took %d ms%n",
                OUTAGE_SECONDS, warmMillis.size(), warmMillis.stream().mapToLong(Long::longValue).max().orElse(0),
                coldMillis.size(), coldMillis.stream().mapToLong(Long::longValue).max().orElse(0), healthyMs, coldMs);
        assertThat(client.json(healthWhileGone).path("components").path("docker").path("status").asString())
                .isEqualTo("DOWN");
        assertThat(cold.statusCode()).as(cold.body()).isEqualTo(200);
        assertThat(client.invoke("engine-warm", "{}").statusCode()).isEqualTo(200);
    }
}
