package io.edgecoord.device.modbus;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
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
 * A slow unit behind a shared Modbus gateway (pymodbus behind {@link SlowModbusProxy}, which
 * holds the slow unit's answers back without blocking the server): the link carries one
 * request at a time, the fast units on it keep every tick while the link has time for all, and
 * when it has not, polls that cannot start in time are skipped and counted while every device
 * still gets its turn.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "edgecoord.device.poll.min-interval=100ms",
        "edgecoord.device.network.allow=127.0.0.0/8",
        "spring.datasource.url=jdbc:h2:mem:modbus-shared;DB_CLOSE_DELAY=-1" })
@AutoConfigureMockMvc(addFilters = false)
class ModbusSharedLinkModuleTests {

    static ModbusServer server;

    static SlowModbusProxy gateway;

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void startGateway() {
        server = ModbusServer.start(1, 2, 3, 8, 9);
        for (int unit : new int[] { 1, 2, 3, 8, 9 }) {
            server.set(unit, "hr", 0, unit);
        }
        gateway = new SlowModbusProxy(server.port());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
        server.close();
    }

    @Test
    void aSlowUnitDoesNotStarveTheOthersOnItsLinkBeyondThePollersRule() throws Exception {
        this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "unit", "resources": [{"name": "id", "valueType": "INT32", "readWrite": "R",
                  "attributes": {"primaryTable": "HOLDING_REGISTERS", "startingAddress": "0", "rawType": "UINT16"}}]}"""))
            .andExpect(status().isCreated());
        List<String> fast = List.of("fast-1", "fast-2", "fast-3");
        for (int unit = 1; unit <= 3; unit++) {
            device("fast-" + unit, unit);
        }
        device("slow-9", 9);
        device("slow-8", 8);
        for (String name : List.of("fast-1", "fast-2", "fast-3", "slow-9", "slow-8")) {
            awaitOnline(name);
        }

        // Under capacity: slow-9 answers in 400 ms of each 1 s interval (timeout 800 ms), the rest
        // at once. A fast poll waits at most for the one request on the wire, so none misses a tick.
        gateway.delay(9, 400);
        Thread.sleep(1500);
        Instant since = Instant.now();
        double skippedBefore = counts().skipped();
        Thread.sleep(6000);
        for (String name : fast) {
            assertThat(counts().readingsSince(name, since)).as(name + " keeps its ticks").isGreaterThanOrEqualTo(5);
        }
        assertThat(counts().readingsSince("slow-9", since)).isGreaterThanOrEqualTo(5);
        assertThat(counts().skipped() - skippedBefore).as("nothing skipped while the link has time for all").isZero();

        // Over capacity: 400 + 700 ms of answers per second. A poll that cannot start by its
        // scheduled time + timeout is skipped (skipped-link-wait), and a tick that comes while the
        // device's previous poll still runs is skipped (skipped-overrun); none runs late, none is
        // lost: every tick of every device is a reading or a counted skip.
        gateway.delay(8, 700);
        Thread.sleep(1500);
        since = Instant.now();
        skippedBefore = counts().skipped();
        Thread.sleep(6000);
        long read = 0;
        for (String name : List.of("fast-1", "fast-2", "fast-3", "slow-9", "slow-8")) {
            read += counts().readingsSince(name, since);
        }
        double skips = counts().skipped() - skippedBefore;
        assertThat(skips).as("skips counted when the link is oversubscribed").isPositive();
        assertThat(read + skips).as("5 devices × 6 ticks, each read or skipped").isBetween(25.0, 35.0);
        assertThat(counts().readingsSince("slow-9", since)).isPositive();
        assertThat(counts().readingsSince("slow-8", since)).isPositive();

        assertThat(gateway.maxInFlight()).as("one request at a time on the link").isEqualTo(1);
        assertThat(gateway.connections()).as("one TCP connection for the gateway").isEqualTo(1);
    }

    private PollCounts counts() {
        return new PollCounts(this.meters, this.mvc);
    }

    private void device(String name, int unit) throws Exception {
        this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "%s", "profile": "unit",
                 "protocol": {"type": "modbus-tcp", "host": "127.0.0.1", "port": %d, "unitId": %d},
                 "polling": {"interval": "1s"}}""".formatted(name, gateway.port(), unit)))
            .andExpect(status().isCreated());
    }

    private void awaitOnline(String device) {
        await().atMost(30, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS).untilAsserted(() ->
                this.mvc.perform(get("/api/v1/devices/" + device + "/connectivity"))
                    .andExpect(jsonPath("$.status").value("ONLINE")));
    }
}
