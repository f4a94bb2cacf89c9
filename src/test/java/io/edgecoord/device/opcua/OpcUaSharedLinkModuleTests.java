package io.edgecoord.device.opcua;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.edgecoord.device.PollCounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Slow nodes on a shared OPC UA server (Milo's SDK server, whose reads of chosen nodes are
 * answered late without blocking it): the devices on its endpoint share one link and one session,
 * the link carries one Read at a time, the fast devices keep every tick while the link has time
 * for all, and when it has not, polls that cannot start in time are skipped and counted while
 * every device still gets its turn.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "edgecoord.device.poll.min-interval=100ms",
        "edgecoord.device.network.allow=127.0.0.0/8",
        "spring.datasource.url=jdbc:h2:mem:opcua-shared;DB_CLOSE_DELAY=-1" })
@AutoConfigureMockMvc(addFilters = false)
class OpcUaSharedLinkModuleTests {

    /** Each device reads one node, so a device's poll is one reading. */
    static final Map<String, String> NODES = Map.of("fast-1", "Temperature:FLOAT64", "fast-2", "Count:INT32",
            "fast-3", "Running:BOOL", "slow-a", "Name:STRING", "slow-b", "Speed:FLOAT32");

    static final List<String> DEVICES = List.of("fast-1", "fast-2", "fast-3", "slow-a", "slow-b");

    static OpcUaTestServer server;

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void startServer(DynamicPropertyRegistry registry) throws Exception {
        server = OpcUaTestServer.start();
        // Trusting the server is not what is under test here (security None).
        Path pki = Files.createTempDirectory("edgecoord-opcua-shared");
        registry.add("edgecoord.device.opcua.pki-dir", pki::toString);
        registry.add("edgecoord.device.opcua.trust-on-first-use", () -> "true");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aSlowNodeDoesNotStarveTheOtherDevicesOnItsServerBeyondThePollersRule() throws Exception {
        for (String name : DEVICES) {
            device(name);
        }
        for (String name : DEVICES) {
            awaitOnline(name);
        }

        // Under capacity: slow-a's node answers in 400 ms of each 1 s interval (timeout 800 ms),
        // the rest at once. A fast poll waits at most for the one Read on the wire: no tick lost.
        server.delay("Name", 400);
        Thread.sleep(1500);
        Instant since = Instant.now();
        double skippedBefore = counts().skipped();
        Thread.sleep(6000);
        for (String name : List.of("fast-1", "fast-2", "fast-3", "slow-a")) {
            assertThat(counts().readingsSince(name, since)).as(name + " keeps its ticks").isGreaterThanOrEqualTo(5);
        }
        assertThat(counts().skipped() - skippedBefore).as("nothing skipped while the link has time for all").isZero();

        // Over capacity: 400 + 700 ms of answers per second. A poll that cannot start by its
        // scheduled time + timeout is skipped (skipped-link-wait), a tick that comes while the
        // device's previous poll still runs is skipped (skipped-overrun); every tick of every
        // device is one poll (one reading, one success) or one counted skip.
        server.delay("Speed", 700);
        Thread.sleep(1500);
        since = Instant.now();
        skippedBefore = counts().skipped();
        double succeededBefore = counts().count("success");
        Thread.sleep(6000);
        double skips = counts().skipped() - skippedBefore;
        double polls = counts().count("success") - succeededBefore;
        long read = 0;
        for (String name : DEVICES) {
            read += counts().readingsSince(name, since);
        }
        StringBuilder perDevice = new StringBuilder();
        for (String name : DEVICES) {
            perDevice.append(' ').append(name).append('=').append(counts().readingsSince(name, since));
        }
        System.out.printf("opcua shared link, over capacity: %.0f polls, %.0f skips, readings:%s;"
                + " max Reads in flight %d, sessions %d%n", polls, skips, perDevice, server.maxReadsInFlight(),
                server.sessionsCreated());
        assertThat(skips).as("skips counted when the link is oversubscribed").isPositive();
        assertThat(polls + skips).as("5 devices × 6 ticks, each polled or skipped").isBetween(25.0, 35.0);
        assertThat(read).as("one reading per poll").isBetween((long) polls - 5, (long) polls + 5);
        assertThat(counts().readingsSince("slow-a", since)).isPositive();
        assertThat(counts().readingsSince("slow-b", since)).isPositive();
        assertThat(counts().count("timeout") + counts().count("failure")).as("no poll ran into its timeout").isZero();

        assertThat(server.maxReadsInFlight()).as("one Read at a time on the link").isEqualTo(1);
        assertThat(server.sessionsCreated()).as("one session for the endpoint").isEqualTo(1);
    }

    private PollCounts counts() {
        return new PollCounts(this.meters, this.mvc);
    }

    private void device(String name) throws Exception {
        String[] node = NODES.get(name).split(":");
        this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "%s", "resources": [{"name": "value", "valueType": "%s", "readWrite": "R",
                  "attributes": {"nodeId": "ns=2;s=%s"}}]}""".formatted(name, node[1], node[0])))
            .andExpect(status().isCreated());
        this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "%s", "profile": "%s", "protocol": {"type": "opcua", "endpointUrl": "%s"},
                 "polling": {"interval": "1s", "timeout": "800ms"}}""".formatted(name, name, server.url())))
            .andExpect(status().isCreated());
    }

    private void awaitOnline(String device) {
        await().atMost(30, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS).untilAsserted(() ->
                this.mvc.perform(get("/api/v1/devices/" + device + "/connectivity"))
                    .andExpect(jsonPath("$.status").value("ONLINE")));
    }
}
