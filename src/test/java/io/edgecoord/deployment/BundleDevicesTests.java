package io.edgecoord.deployment;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestDataDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bundles that carry device profiles, devices and keys' limits, on a whole coordinator with the
 * real registry and poller against HTTP devices served on loopback by the test: a device is
 * polled only once its bundle committed, never after a dry run or a refused bundle, and a
 * rollback takes back what later bundles added.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"edgecoord.execution.docker.host=unix:///tmp/edgecoord-no-such-engine.sock",
                "edgecoord.execution.backend=process", "edgecoord.device.poll.min-interval=100ms",
                "edgecoord.device.network.allow=127.0.0.0/8"})
class BundleDevicesTests {

    static HttpServer devices;

    static final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        TestDataDir.register(registry);
    }

    @BeforeAll
    static void serveDevices() throws IOException {
        devices = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        devices.createContext("/d/", (exchange) -> {
            String device = exchange.getRequestURI().getPath().split("/")[2];
            polls.computeIfAbsent(device, (d) -> new AtomicInteger()).incrementAndGet();
            byte[] body = "{\"value\": 42.5}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        devices.start();
    }

    @AfterAll
    static void stop() {
        devices.stop(0);
    }

    @Test
    void aBundleCreatesProfilesAndDevicesThatArePolledOnceItCommits() {
        CoordinatorClient client = new CoordinatorClient(port);

        HttpResponse<String> applied = client.post("/api/v1/deployments", "application/yaml",
                profile("meter-a") + "devices:\n" + device("pa-1", "meter-a", "UNLOCKED"));

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        JsonNode diff = client.json(applied).path("diff");
        assertThat(diff.path("deviceProfiles").path("created").toString()).isEqualTo("[\"meter-a\"]");
        assertThat(diff.path("devices").path("created").toString()).isEqualTo("[\"pa-1\"]");
        await().atMost(10, TimeUnit.SECONDS).until(() -> polled("pa-1") >= 2);
        assertThat(client.json(client.get("/api/v1/devices/pa-1/connectivity")).path("status").asString())
            .isEqualTo("ONLINE");
        HttpResponse<String> again = client.post("/api/v1/deployments", "application/yaml",
                profile("meter-a") + "devices:\n" + device("pa-1", "meter-a", "UNLOCKED"));
        assertThat(client.json(again).path("diff").path("devices").path("created")).isEmpty();
        assertThat(client.json(again).path("diff").path("devices").path("changed")).isEmpty();
    }

    @Test
    void aDryRunListsDevicesAndPollsNothing() throws InterruptedException {
        CoordinatorClient client = new CoordinatorClient(port);

        HttpResponse<String> dry = client.post("/api/v1/deployments?dryRun=true", "application/yaml",
                profile("meter-b") + "devices:\n" + device("pb-1", "meter-b", "UNLOCKED"));

        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(client.json(dry).path("diff").path("devices").path("created").toString()).isEqualTo("[\"pb-1\"]");
        assertThat(client.json(dry).path("diff").path("deviceProfiles").path("created").toString())
            .isEqualTo("[\"meter-b\"]");
        assertThat(client.get("/api/v1/devices/pb-1").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v1/device-profiles/meter-b").statusCode()).isEqualTo(404);
        Thread.sleep(700);
        assertThat(polled("pb-1")).isZero();
    }

    @Test
    void aBundleThatFailsAfterItsDevicesLeavesNoneOfThemAndPollsNone() throws InterruptedException {
        CoordinatorClient client = new CoordinatorClient(port);

        HttpResponse<String> refused = client.post("/api/v1/deployments", "application/yaml",
                profile("meter-c") + "devices:\n" + device("pc-1", "meter-c", "UNLOCKED") + """
                tasks:
                  - {name: broken-task, runtime: cobol85, handler: m.f, code: {inline: "x", fileName: m.py}}
                """);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(client.json(refused).path("item").asString()).isEqualTo("tasks[0] (broken-task)");
        assertThat(client.get("/api/v1/devices/pc-1").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v1/device-profiles/meter-c").statusCode()).isEqualTo(404);
        Thread.sleep(700);
        assertThat(polled("pc-1")).isZero();
    }

    @Test
    void aBadDeviceIsRefusedWithTheDeviceModulesDetailAndItsPlaceInTheBundle() {
        CoordinatorClient client = new CoordinatorClient(port);

        HttpResponse<String> refused = client.post("/api/v1/deployments", "application/yaml",
                "devices:\n" + device("pd-1", "no-such-profile", "UNLOCKED"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(client.json(refused).path("item").asString()).isEqualTo("devices[0] (pd-1)");
        assertThat(client.json(refused).path("detail").asString()).contains("no-such-profile");
    }

    @Test
    void aRollbackRemovesTheDevicesAndTasksALaterBundleAddedAndStopsTheirPolling() {
        CoordinatorClient client = new CoordinatorClient(port);
        String first = profile("meter-e") + "devices:\n" + device("pe-1", "meter-e", "LOCKED");
        int v1 = client.json(client.post("/api/v1/deployments", "application/yaml", first)).path("version").asInt();
        HttpResponse<String> second = client.post("/api/v1/deployments", "application/yaml", first
            .replace("LOCKED", "UNLOCKED") + device("pe-2", "meter-e", "UNLOCKED") + """
                tasks:
                  - {name: added-later, runtime: python3.11, handler: m.f, code: {inline: "def f(e, c):\\n    return 1\\n", fileName: m.py}}
                subscriptions:
                  - {source: schedule, target: "task:added-later", schedule: "0 0 0 1 1 *"}
                """);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        await().atMost(10, TimeUnit.SECONDS).until(() -> polled("pe-1") >= 1 && polled("pe-2") >= 1);

        HttpResponse<String> back = client.post("/api/v1/deployments/" + v1 + "/rollback", "application/json", "");

        assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
        JsonNode diff = client.json(back).path("diff");
        assertThat(diff.path("devices").path("deleted").toString()).isEqualTo("[\"pe-2\"]");
        assertThat(diff.path("devices").path("changed").toString()).isEqualTo("[\"pe-1\"]");
        assertThat(diff.path("tasks").path("deleted").toString()).isEqualTo("[\"added-later\"]");
        assertThat(diff.path("subscriptions").path("deleted")).hasSize(1);
        assertThat(client.get("/api/v1/devices/pe-2").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v1/tasks/added-later").statusCode()).isEqualTo(404);
        assertThat(client.json(client.get("/api/v1/devices/pe-1")).path("adminState").asString()).isEqualTo("LOCKED");
        await().pollDelay(Duration.ofMillis(300)).atMost(5, TimeUnit.SECONDS).until(() -> {
            int e1 = polled("pe-1");
            int e2 = polled("pe-2");
            Thread.sleep(600);
            return polled("pe-1") == e1 && polled("pe-2") == e2;
        });
    }

    @Test
    void aBundleLimitsAnExistingKeysTasksAndTopicsButNeverKnowsItsSecret() {
        CoordinatorClient client = new CoordinatorClient(port);
        String id = client.json(client.postJson("/api/v1/keys", "{\"name\": \"sensors\", \"scopes\": [\"invoke\"]}"))
            .path("id").asString();

        HttpResponse<String> applied = client.post("/api/v1/deployments", "application/yaml", """
                keys:
                  - {id: %s, tasks: ["sensor-*"], topics: {publish: ["sensors/#"]}}
                """.formatted(id));

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        assertThat(client.json(applied).path("diff").path("keys").path("changed").toString())
            .isEqualTo("[\"" + id + "\"]");
        JsonNode key = client.json(client.get("/api/v1/keys/" + id));
        assertThat(key.path("tasks").toString()).isEqualTo("[\"sensor-*\"]");
        assertThat(key.path("topics").path("publish").toString()).isEqualTo("[\"sensors/#\"]");
        HttpResponse<String> unknown = client.post("/api/v1/deployments", "application/yaml",
                "keys: [{id: NOSUCHKEY, tasks: [a]}]");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(client.json(unknown).path("item").asString()).isEqualTo("keys[0] (NOSUCHKEY)");
        HttpResponse<String> bad = client.post("/api/v1/deployments", "application/yaml",
                "keys: [{id: %s, tasks: [\"no spaces\"]}]".formatted(id));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(client.json(client.get("/api/v1/keys/" + id)).path("tasks").toString()).isEqualTo("[\"sensor-*\"]");
    }

    @Test
    void aPruningBundleDeletesTheDevicesAndProfilesItNoLongerNamesButNoneWithoutTheirSections() {
        CoordinatorClient client = new CoordinatorClient(port);
        String kept = profile("meter-f") + "devices:\n" + device("pf-1", "meter-f", "LOCKED");
        HttpResponse<String> both = client.post("/api/v1/deployments", "application/yaml", profile("meter-f")
                + profile("meter-g").replace("deviceProfiles:\n", "") + "devices:\n" + device("pf-1", "meter-f", "LOCKED")
                + device("pf-2", "meter-g", "LOCKED"));
        assertThat(both.statusCode()).as(both.body()).isEqualTo(201);

        HttpResponse<String> pruned = client.post("/api/v1/deployments?dryRun=true", "application/yaml",
                "prune: true\n" + kept);

        assertThat(pruned.statusCode()).as(pruned.body()).isEqualTo(200);
        JsonNode diff = client.json(pruned).path("diff");
        assertThat(diff.path("devices").path("deleted").toString()).contains("\"pf-2\"").doesNotContain("pf-1");
        assertThat(diff.path("deviceProfiles").path("deleted").toString()).contains("\"meter-g\"")
            .doesNotContain("meter-f");
        assertThat(client.get("/api/v1/devices/pf-2").statusCode()).isEqualTo(200);
        HttpResponse<String> withoutDevices = client.post("/api/v1/deployments?dryRun=true", "application/yaml",
                "prune: true\ntasks: []\n");
        assertThat(client.json(withoutDevices).path("diff").path("devices").path("deleted")).isEmpty();
        assertThat(client.json(withoutDevices).path("diff").path("deviceProfiles").path("deleted")).isEmpty();
    }

    private static int polled(String device) {
        return polls.computeIfAbsent(device, (d) -> new AtomicInteger()).get();
    }

    private static String profile(String name) {
        return """
                deviceProfiles:
                  - name: %s
                    resources: [{name: power, valueType: FLOAT64, readWrite: R, attributes: {path: /power}}]
                """.formatted(name);
    }

    private String device(String name, String profile, String adminState) {
        return """
                  - name: %s
                    profile: %s
                    adminState: %s
                    polling: {interval: 200ms}
                    protocol: {type: http, baseUrl: "http://127.0.0.1:%d/d/%s"}
                """.formatted(name, profile, adminState, devices.getAddress().getPort(), name);
    }
}
