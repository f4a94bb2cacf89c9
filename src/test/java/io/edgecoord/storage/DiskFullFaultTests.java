package io.edgecoord.storage;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestTmpfs;

/**
 * The disk fills under a real coordinator whose data dir (embedded H2 file, artifacts) is a 64 MB
 * tmpfs of its own: past the low watermark old records go early and readiness says so; past the
 * critical one new work is refused with 503 {@code disk-full} and readiness is DOWN; filled to the
 * last byte the database stays whole; when space returns everything works again by itself, and
 * no call accepted before was lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "edgecoord.execution.backend=process",
        // The watermarks alone decide here (the data dir's own budget is beyond the volume).
        "edgecoord.storage.disk.max-size=1GB",
        "edgecoord.storage.disk.low-free-share=0.30",
        "edgecoord.storage.disk.critical-free-share=0.15",
        "edgecoord.storage.disk.sample-interval=200ms" })
@DirtiesContext
class DiskFullFaultTests {

    static final long MB = 1024 * 1024;

    static TestTmpfs volume;

    @LocalServerPort
    int port;

    @BeforeAll
    static void mount() throws Exception {
        volume = TestTmpfs.mount(64);
    }

    @AfterAll
    static void unmount() throws Exception {
        if (volume != null) {
            volume.unmount();
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("edgecoord.data-dir", () -> volume.path().resolve("data").toString());
    }

    @Test
    void aFillingDiskPurgesEarlyThenRefusesNewWorkAndRecoversWhenSpaceReturnsLosingNothingAccepted() throws Exception {
        CoordinatorClient client = new CoordinatorClient(port);
        assertThat(client.postJson("/api/v1/tasks", """
                {"name":"disk","runtime":"python3.11","handler":"m.f","code":{"inline":%s}}"""
                .formatted(quote("def f(event, context):\n    return event\n"))).statusCode()).isEqualTo(201);
        String old = client.invoke("disk", "{\"n\": 0}").headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
        assertThat(level(client)).isEqualTo("OK");

        // Past the low watermark (30 % free), before the critical one (15 %): the old record goes.
        volume.fillLeaving(14 * MB);
        await().atMost(Duration.ofSeconds(10)).until(() -> level(client).equals("LOW"));
        assertThat(client.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/api/v1/invocations/" + old).statusCode() == 404);
        assertThat(client.invoke("disk", "{\"n\": 1}").statusCode()).as("work is still taken").isEqualTo(200);

        // Calls accepted now stay unended until space has returned: one that runs long holds the
        // task's only environment, the others queue behind it. None may be lost.
        assertThat(client.postJson("/api/v1/tasks", """
                {"name":"held","runtime":"python3.11","handler":"m.f","timeoutSeconds":60,
                 "execution":{"maxEnvironments":1},"code":{"inline":%s}}"""
                .formatted(quote("import time\ndef f(event, context):\n    time.sleep(event['sleep'])\n"
                        + "    return event\n"))).statusCode()).isEqualTo(201);
        List<String> accepted = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            HttpResponse<String> async = client.invoke("held", "{\"sleep\": " + (n == 0 ? 10 : 0) + "}",
                    "Prefer", "respond-async");
            assertThat(async.statusCode()).isEqualTo(202);
            accepted.add(async.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
        }

        // Past the critical watermark: new work is refused, readiness is DOWN, liveness is not.
        volume.fillLeaving(6 * MB);
        await().atMost(Duration.ofSeconds(10)).until(() -> level(client).equals("CRITICAL"));
        HttpResponse<String> refused = client.invoke("disk", "{}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(client.json(refused).path("type").asString()).isEqualTo("https://edgecoord.io/problems/disk-full");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        HttpResponse<String> deploy = client.postJson("/api/v1/tasks", """
                {"name":"disk-2","runtime":"python3.11","handler":"m.f","code":{"inline":"def f(e, c):\\n    return 1\\n"}}""");
        assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(503);
        assertThat(client.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(client.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        // To the last byte: what was accepted before stays readable.
        volume.fillLeaving(0);
        Thread.sleep(1000);
        for (String id : accepted) {
            assertThat(client.get("/api/v1/invocations/" + id).statusCode()).isEqualTo(200);
        }

        // Space returns: back by itself, and every call accepted before the fill ended well.
        volume.empty();
        await().atMost(Duration.ofSeconds(20)).until(() -> level(client).equals("OK"));
        assertThat(client.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> again = client.invoke("disk", "{\"n\": 99}");
        assertThat(accepted).allSatisfy(id -> assertThat(client.record(id).path("status").asString())
                .as("still held when space returned").isIn("QUEUED", "RUNNING"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"n\": 99}");
        for (String id : accepted) {
            JsonNode record = client.awaitFinished(id);
            assertThat(record.path("status").asString()).as(record.toString()).isEqualTo("SUCCEEDED");
        }
    }

    private static String level(CoordinatorClient client) {
        JsonNode health = client.json(client.get("/actuator/health"));
        return health.path("components").path("diskBudget").path("details").path("level").asString();
    }
}
