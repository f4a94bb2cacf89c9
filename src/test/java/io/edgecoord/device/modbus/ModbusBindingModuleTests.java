package io.edgecoord.device.modbus;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Modbus TCP binding over the REST API, with the real registry and poller, against a real
 * Modbus server that is not our code (pymodbus): values of every type and order, batched reads,
 * writes with read-back, exceptions, a device that goes away, two units behind one gateway.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "edgecoord.device.poll.min-interval=100ms",
        "edgecoord.device.network.allow=127.0.0.0/8",
        "spring.datasource.url=jdbc:h2:mem:modbus;DB_CLOSE_DELAY=-1" })
@AutoConfigureMockMvc(addFilters = false)
class ModbusBindingModuleTests {

    static ModbusServer server;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void startServer() {
        server = ModbusServer.start(1, 2);
        server.set(1, "hr", 0, 65531, 65000, 65534, 7616, 7616, 65534, 61035, 10240, 0, 287, 29179, 1227, 16812, 0, 0,
                44097, 49154, 0, 0, 0, 20565, 19792, 11575, 8);
        server.set(1, "hr", 30, 215);
        server.set(1, "ir", 0, 1234);
        server.set(1, "di", 0, 1);
        server.set(2, "hr", 0, 22);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void readsEveryTypeAndOrderInOneRequestPerAdjacentRun() throws Exception {
        profile(METER);
        device("meter-1", "meter", 1, "30s").andExpect(status().isCreated());
        awaitStatus("meter-1", "ONLINE");
        int before = server.reads(1);
        this.mvc.perform(post("/api/v1/devices/meter-1/poll"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.values.i16").value(-5))
            .andExpect(jsonPath("$.values.u16").value(65000))
            .andExpect(jsonPath("$.values.i32").value(-123456))
            .andExpect(jsonPath("$.values.i32swapped").value(-123456))
            .andExpect(jsonPath("$.values.u32").value(4000000000L))
            .andExpect(jsonPath("$.values.i64").value(1234567890123L))
            .andExpect(jsonPath("$.values.f32").value(closeTo(21.5, 1e-9)))
            .andExpect(jsonPath("$.values.f32dcba").value(closeTo(21.5, 1e-9)))
            .andExpect(jsonPath("$.values.f64").value(closeTo(-2.25, 1e-12)))
            .andExpect(jsonPath("$.values.name").value("PUMP-7"))
            .andExpect(jsonPath("$.values.running").value(true))
            .andExpect(jsonPath("$.values.setpoint").value(closeTo(21.5, 1e-9)))
            .andExpect(jsonPath("$.values.flow").value(closeTo(12.34, 1e-9)))
            .andExpect(jsonPath("$.values.pump").value(false))
            .andExpect(jsonPath("$.values.alarm").value(true));
        // hr 0..23, hr 30, hr 40..41, ir 0, co 0, di 0: six requests for fifteen resources.
        assertThat(server.reads(1) - before).isEqualTo(6);
    }

    @Test
    void writesRegistersAndCoilsAndReadsThemBack() throws Exception {
        profile(METER.replace("\"meter\"", "\"meter-w\""));
        device("meter-2", "meter-w", 2, "30s").andExpect(status().isCreated());
        this.mvc.perform(put("/api/v1/devices/meter-2/commands/setpoint").contentType(MediaType.APPLICATION_JSON)
            .content("{\"setpoint\": 22.5}")).andExpect(status().isOk())
            .andExpect(jsonPath("$.setpoint").value(closeTo(22.5, 1e-9)));
        assertThat(server.get(2, "hr", 30, 1)).containsExactly(225);
        this.mvc.perform(put("/api/v1/devices/meter-2/commands/limit").contentType(MediaType.APPLICATION_JSON)
            .content("{\"limit\": -1.5}")).andExpect(jsonPath("$.limit").value(closeTo(-1.5, 1e-9)));
        assertThat(server.get(2, "hr", 40, 2)).containsExactly(0xBFC0, 0);
        this.mvc.perform(put("/api/v1/devices/meter-2/commands/pump").contentType(MediaType.APPLICATION_JSON)
            .content("{\"pump\": true}")).andExpect(jsonPath("$.pump").value(true));
        assertThat(server.get(2, "co", 0, 1)).containsExactly(1);
        // 4,000 / 0.1 = 40,000 does not fit the INT16 register: refused before anything is sent.
        this.mvc.perform(put("/api/v1/devices/meter-2/commands/setpoint").contentType(MediaType.APPLICATION_JSON)
            .content("{\"setpoint\": 4000}")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("INT16")));
        assertThat(server.get(2, "hr", 30, 1)).containsExactly(225);
    }

    @Test
    void readsAndWritesUint64BinaryAndArraysInConsecutiveRegistersAndCoils() throws Exception {
        server.set(1, "hr", 100, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFE, 0xDEAD, 0xBEEF, 1, 65535, 2, 0x41AC, 0, 0xBFC0, 0);
        server.set(1, "co", 10, 1, 0, 1, 1);
        profile("""
                {"name": "typed", "resources": [
                  {"name": "big", "valueType": "UINT64", "readWrite": "RW",
                   "attributes": {"primaryTable": "HOLDING_REGISTERS", "startingAddress": "100"}},
                  {"name": "blob", "valueType": "BINARY", "readWrite": "RW",
                   "attributes": {"primaryTable": "HOLDING_REGISTERS", "startingAddress": "104", "stringRegisterSize": "2"}},
                  {"name": "levels", "valueType": "INT16_ARRAY", "readWrite": "RW",
                   "attributes": {"primaryTable": "HOLDING_REGISTERS", "startingAddress": "106", "elements": "3"}},
                  {"name": "temps", "valueType": "FLOAT32_ARRAY", "readWrite": "R",
                   "attributes": {"primaryTable": "HOLDING_REGISTERS", "startingAddress": "109", "elements": "2"}},
                  {"name": "flags", "valueType": "BOOL_ARRAY", "readWrite": "RW",
                   "attributes": {"primaryTable": "COILS", "startingAddress": "10", "elements": "4"}}]}""");
        device("typed-1", "typed", 1, "30s").andExpect(status().isCreated());
        awaitStatus("typed-1", "ONLINE");
        int before = server.reads(1);
        this.mvc.perform(post("/api/v1/devices/typed-1/poll"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("\"big\":18446744073709551614")))
            .andExpect(jsonPath("$.values.blob").value("3q2+7w=="))
            .andExpect(jsonPath("$.values.levels").value(contains(1, -1, 2)))
            .andExpect(jsonPath("$.values.temps").value(contains(closeTo(21.5, 1e-9), closeTo(-1.5, 1e-9))))
            .andExpect(jsonPath("$.values.flags").value(contains(true, false, true, true)));
        // hr 100..112 in one request, coils 10..13 in another.
        assertThat(server.reads(1) - before).isEqualTo(2);
        write("typed-1", "{\"big\": 18446744073709551615}")
            .andExpect(content().string(containsString("\"big\":18446744073709551615")));
        assertThat(server.get(1, "hr", 100, 4)).containsExactly(0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF);
        write("typed-1", "{\"blob\": \"AQIDBA==\"}").andExpect(jsonPath("$.blob").value("AQIDBA=="));
        assertThat(server.get(1, "hr", 104, 2)).containsExactly(0x0102, 0x0304);
        write("typed-1", "{\"levels\": [-2, 3, 4]}").andExpect(jsonPath("$.levels").value(contains(-2, 3, 4)));
        assertThat(server.get(1, "hr", 106, 3)).containsExactly(65534, 3, 4);
        write("typed-1", "{\"flags\": [false, true, false, false]}")
            .andExpect(jsonPath("$.flags").value(contains(false, true, false, false)));
        assertThat(server.get(1, "co", 10, 4)).containsExactly(0, 1, 0, 0);
        write("typed-1", "{\"levels\": [1, 2]}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("has 2 elements; its registers hold 3")));
        write("typed-1", "{\"blob\": \"AQIDBAU=\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("takes 5 bytes")));
    }

    @Test
    void writesABitOfAHoldingRegisterKeepingItsOtherBits() throws Exception {
        server.set(1, "hr", 120, 0xA005, 0);
        StringBuilder bits = new StringBuilder();
        for (int bit = 0; bit < 8; bit++) {
            bits.append(", {\"name\": \"b").append(bit).append("\", \"valueType\": \"BOOL\", \"readWrite\": \"RW\", ")
                .append("\"attributes\": {\"primaryTable\": \"HOLDING_REGISTERS\", \"startingAddress\": \"121\", ")
                .append("\"bit\": \"").append(bit).append("\"}}");
        }
        profile("""
                {"name": "bits", "resources": [
                  {"name": "heater", "valueType": "BOOL", "readWrite": "RW",
                   "attributes": {"primaryTable": "HOLDING_REGISTERS", "startingAddress": "120", "bit": "1"}},
                  {"name": "alarm", "valueType": "BOOL", "readWrite": "RW",
                   "attributes": {"primaryTable": "HOLDING_REGISTERS", "startingAddress": "120", "bit": "15"}}%s]}"""
            .formatted(bits));
        device("bits-1", "bits", 1, "30s").andExpect(status().isCreated());
        write("bits-1", "{\"heater\": true}").andExpect(status().isOk()).andExpect(jsonPath("$.heater").value(true));
        assertThat(server.get(1, "hr", 120, 1)).containsExactly(0xA007);
        write("bits-1", "{\"alarm\": false}").andExpect(jsonPath("$.alarm").value(false));
        assertThat(server.get(1, "hr", 120, 1)).containsExactly(0x2007);
        // Eight writes at once, each of another bit of one register: each read-modify-write holds
        // the link from its read to its write, so none undoes another's bit.
        server.delay(0.005);
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            java.util.List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
            for (int bit = 0; bit < 8; bit++) {
                String body = "{\"b" + bit + "\": true}";
                writes.add(pool.submit(() -> write("bits-1", body).andExpect(status().isOk())));
            }
            for (var done : writes) {
                done.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            server.delay(0);
        }
        assertThat(server.get(1, "hr", 121, 1)).containsExactly(0xFF);
    }

    @Test
    void aPolledValuePublishesOnlyWhenItMovesBeyondItsDeadband() throws Exception {
        server.set(1, "hr", 130, 500);
        profile("""
                {"name": "banded", "resources": [{"name": "level", "valueType": "INT32", "readWrite": "R",
                  "minimum": 0, "maximum": 1000, "deadband": {"percent": 10},
                  "attributes": {"primaryTable": "HOLDING_REGISTERS", "startingAddress": "130", "rawType": "UINT16"}}]}""");
        device("banded-1", "banded", 1, "200ms").andExpect(status().isCreated());
        awaitReadings("banded-1", 1);
        // 550 is within 10 % of the span (100) of the 500 published: five polls, no reading.
        server.set(1, "hr", 130, 550);
        Thread.sleep(1000);
        readings("banded-1").andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].value").value(500));
        // 601 is 101 from the 500 last published (not from the 550 last read).
        server.set(1, "hr", 130, 601);
        awaitReadings("banded-1", 2);
        readings("banded-1").andExpect(jsonPath("$.items[0].value").value(601));
        // An on-demand poll was asked for: it publishes whatever the deadband says.
        this.mvc.perform(post("/api/v1/devices/banded-1/poll")).andExpect(jsonPath("$.values.level").value(601));
        awaitReadings("banded-1", 3);
        this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "banded-bad", "resources": [{"name": "level", "valueType": "INT32", "readWrite": "R",
                  "deadband": {"percent": 10}}]}"""))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("deadband.percent needs the resource's minimum and maximum")));
    }

    private ResultActions readings(String device) throws Exception {
        return this.mvc.perform(get("/api/v1/devices/" + device + "/readings").param("resource", "level"));
    }

    private void awaitReadings(String device, int count) {
        await().atMost(30, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS)
            .untilAsserted(() -> readings(device).andExpect(jsonPath("$.totalItems").value(count)));
    }

    @Test
    void importsAnEdgeXYamlProfileAndPollsADeviceOfIt() throws Exception {
        try (ModbusServer pump = ModbusServer.start(1);
                var yaml = getClass().getResourceAsStream("/edgex/modbus-pump.yaml")) {
            pump.set(1, "hr", 0, 215, 0, 0x4348);
            this.mvc.perform(post("/api/v1/device-profiles").contentType("application/yaml").content(yaml.readAllBytes()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.resources[0].scale").value(closeTo(0.1, 1e-12)));
            device("pump-1", "pump-edgex", 1, pump.port(), "30s").andExpect(status().isCreated());
            this.mvc.perform(get("/api/v1/devices/pump-1/commands/Status"))
                .andExpect(jsonPath("$.Temperature").value(closeTo(21.5, 1e-9)))
                .andExpect(jsonPath("$.Speed").value(closeTo(200.0, 1e-9)))
                .andExpect(jsonPath("$.Running").value(false));
        }
        this.mvc.perform(post("/api/v1/device-profiles").param("format", "edgex").contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"name": "masked", "deviceResources": [{"name": "r",
                      "properties": {"valueType": "Uint16", "readWrite": "R", "mask": "0xFF00"}}]}"""))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("deviceResources[0].properties.mask")));
    }

    @Test
    void refusesDefinitionsWithAProblemNamingTheField() throws Exception {
        profile(METER.replace("\"meter\"", "\"meter-v\""));
        device("bad-unit", "meter-v", 300, "1s").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("protocol.unitId")));
        profile("""
                {"name": "no-table", "resources": [{"name": "t", "valueType": "INT32", "readWrite": "R",
                  "attributes": {"startingAddress": "0", "rawType": "INT16"}}]}""");
        device("bad-table", "no-table", 1, "1s").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("resource 't': attributes.primaryTable")));
        profile("""
                {"name": "writable-input", "resources": [{"name": "t", "valueType": "INT32", "readWrite": "RW",
                  "attributes": {"primaryTable": "INPUT_REGISTERS", "startingAddress": "0", "rawType": "INT16"}}]}""");
        device("bad-write", "writable-input", 1, "1s").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("read-only")));
    }

    @Test
    void mapsModbusExceptionsOntoFailureKindsAndLastError() throws Exception {
        profile("""
                {"name": "far", "resources": [{"name": "t", "valueType": "INT32", "readWrite": "R",
                  "attributes": {"primaryTable": "HOLDING_REGISTERS", "startingAddress": "5000", "rawType": "INT16"}}]}""");
        device("beyond", "far", 1, "30s").andExpect(status().isCreated());
        this.mvc.perform(get("/api/v1/devices/beyond/commands/t")).andExpect(status().isBadGateway())
            .andExpect(jsonPath("$.detail").value(containsString("0x02 (ILLEGAL DATA ADDRESS)")));
        this.mvc.perform(get("/api/v1/devices/beyond/connectivity"))
            .andExpect(jsonPath("$.lastError.message").value(containsString("0x02")));
        try (ModbusServer failing = ModbusServer.start(1)) {
            failing.fail(1, true);
            profile(METER.replace("\"meter\"", "\"meter-f\""));
            device("failing", "meter-f", 1, failing.port(), "30s").andExpect(status().isCreated());
            this.mvc.perform(get("/api/v1/devices/failing/commands/i16")).andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.detail").value(containsString("0x04 (SERVER DEVICE FAILURE)")));
        }
        // pymodbus does not answer for a unit it does not serve: a timeout, as a silent device is.
        profile(METER.replace("\"meter\"", "\"meter-g\""));
        device("ghost", "meter-g", 9, "1s").andExpect(status().isCreated());
        this.mvc.perform(get("/api/v1/devices/ghost/commands/i16")).andExpect(status().isGatewayTimeout())
            .andExpect(jsonPath("$.detail").value(containsString("no answer within")));
        this.mvc.perform(get("/api/v1/devices/ghost/connectivity"))
            .andExpect(jsonPath("$.lastError.code").value("TIMEOUT"));
    }

    @Test
    void aDeviceThatGoesAwayGoesOfflineAndComesBackOnline() throws Exception {
        try (ModbusServer own = ModbusServer.start(1)) {
            profile(METER.replace("\"meter\"", "\"meter-o\""));
            device("wanderer", "meter-o", 1, own.port(), "200ms").andExpect(status().isCreated());
            awaitStatus("wanderer", "ONLINE");
            own.stop();
            awaitStatus("wanderer", "OFFLINE");
            own.restart();
            awaitStatus("wanderer", "ONLINE");
        }
    }

    @Test
    void twoUnitsBehindOneGatewayShareOneLinkAndConnection() throws Exception {
        try (ModbusServer gateway = ModbusServer.start(1, 2)) {
            gateway.set(1, "hr", 0, 11);
            gateway.set(2, "hr", 0, 22);
            gateway.delay(0.01);
            profile(METER.replace("\"meter\"", "\"meter-s\""));
            device("left", "meter-s", 1, gateway.port(), "1s")
                .andExpect(jsonPath("$.protocol.linkId").value("modbus-tcp://127.0.0.1:" + gateway.port()));
            device("right", "meter-s", 2, gateway.port(), "1s")
                .andExpect(jsonPath("$.protocol.linkId").value("modbus-tcp://127.0.0.1:" + gateway.port()));
            awaitStatus("left", "ONLINE");
            awaitStatus("right", "ONLINE");
            this.mvc.perform(get("/api/v1/devices/left/commands/i16")).andExpect(jsonPath("$.i16").value(11));
            this.mvc.perform(get("/api/v1/devices/right/commands/i16")).andExpect(jsonPath("$.i16").value(22));
            assertThat(gateway.connections()).isEqualTo(1);
        }
    }

    private ResultActions write(String device, String body) throws Exception {
        String resource = body.substring(body.indexOf('"') + 1, body.indexOf('"', body.indexOf('"') + 1));
        return this.mvc.perform(put("/api/v1/devices/" + device + "/commands/" + resource)
            .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void profile(String body) throws Exception {
        this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isCreated());
    }

    private ResultActions device(String name, String profile, int unit, String interval) throws Exception {
        return device(name, profile, unit, server.port(), interval);
    }

    private ResultActions device(String name, String profile, int unit, int port, String interval) throws Exception {
        return this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "%s", "profile": "%s",
                 "protocol": {"type": "modbus-tcp", "host": "127.0.0.1", "port": %d, "unitId": %d},
                 "polling": {"interval": "%s"}}""".formatted(name, profile, port, unit, interval)));
    }

    private void awaitStatus(String device, String status) {
        await().atMost(30, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS).untilAsserted(() ->
                this.mvc.perform(get("/api/v1/devices/" + device + "/connectivity"))
                    .andExpect(jsonPath("$.status").value(status)));
    }

    private static String hr(String name, String type, String address, String rawType, String extra) {
        return """
                {"name": "%s", "valueType": "%s", "readWrite": "R", "attributes": {"primaryTable": "HOLDING_REGISTERS",
                  "startingAddress": "%s", "rawType": "%s"%s}}""".formatted(name, type, address, rawType, extra);
    }

    private static final String METER = """
            {"name": "meter", "resources": [%s,
              {"name": "setpoint", "valueType": "FLOAT64", "readWrite": "RW", "scale": 0.1,
               "attributes": {"primaryTable": "HOLDING_REGISTERS", "startingAddress": "30", "rawType": "INT16"}},
              {"name": "limit", "valueType": "FLOAT32", "readWrite": "RW",
               "attributes": {"primaryTable": "HOLDING_REGISTERS", "startingAddress": "40"}},
              {"name": "flow", "valueType": "FLOAT64", "readWrite": "R", "scale": 0.01,
               "attributes": {"primaryTable": "INPUT_REGISTERS", "startingAddress": "0", "rawType": "UINT16"}},
              {"name": "pump", "valueType": "BOOL", "readWrite": "RW",
               "attributes": {"primaryTable": "COILS", "startingAddress": "0"}},
              {"name": "alarm", "valueType": "BOOL", "readWrite": "R",
               "attributes": {"primaryTable": "DISCRETE_INPUTS", "startingAddress": "0"}}]}
            """.formatted(String.join(",", hr("i16", "INT32", "0", "INT16", ""), hr("u16", "INT32", "1", "UINT16", ""),
            hr("i32", "INT32", "2", "INT32", ""), hr("i32swapped", "INT32", "4", "INT32", ", \"wordOrder\": \"LITTLE\""),
            hr("u32", "INT64", "6", "UINT32", ""), hr("i64", "INT64", "8", "INT64", ""),
            hr("f32", "FLOAT32", "12", "FLOAT32", ""),
            hr("f32dcba", "FLOAT32", "14", "FLOAT32", ", \"byteOrder\": \"LITTLE\", \"isWordSwap\": \"true\""),
            hr("f64", "FLOAT64", "16", "FLOAT64", ""),
            hr("name", "STRING", "20", "STRING", ", \"stringRegisterSize\": \"3\""),
            hr("running", "BOOL", "23", "BOOL", ", \"bit\": \"3\"")));
}
