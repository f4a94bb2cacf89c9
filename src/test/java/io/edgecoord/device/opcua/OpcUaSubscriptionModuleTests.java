package io.edgecoord.device.opcua;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.closeTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * OPC UA {@code sampling: subscribe} against Eclipse Milo's SDK server: a value changed on the
 * server arrives in the readings (through the profile's transform) with no poll in between, a
 * server that goes away takes the device OFFLINE and its return brings it back ONLINE with a new
 * subscription, and a locked device's subscription is gone.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "edgecoord.device.network.allow=127.0.0.0/8",
        "edgecoord.device.poll.min-interval=100ms",
        "spring.datasource.url=jdbc:h2:mem:opcua-subscribe;DB_CLOSE_DELAY=-1" })
@AutoConfigureMockMvc(addFilters = false)
class OpcUaSubscriptionModuleTests {

    static Path pki;

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void trustOnFirstUse(DynamicPropertyRegistry registry) throws Exception {
        // The restarted server comes with a new certificate; trusting it is not what is under test here.
        pki = Files.createTempDirectory("edgecoord-opcua-subscribe");
        registry.add("edgecoord.device.opcua.pki-dir", pki::toString);
        registry.add("edgecoord.device.opcua.trust-on-first-use", () -> "true");
    }

    @Test
    void aSubscribedDeviceGetsItsChangesWithoutPollsAndFollowsItsServerOfflineAndBack() throws Exception {
        OpcUaTestServer server = OpcUaTestServer.start();
        int port = server.port();
        this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "plc-sub", "resources": [
                  {"name": "temperature", "valueType": "FLOAT64", "readWrite": "R", "scale": 10,
                   "attributes": {"nodeId": "ns=2;s=Temperature"}},
                  {"name": "count", "valueType": "INT32", "readWrite": "RW", "attributes": {"nodeId": "ns=2;s=Count"}}]}"""))
            .andExpect(status().isCreated());
        this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "sub-1", "profile": "plc-sub",
                 "protocol": {"type": "opcua", "endpointUrl": "%s", "sampling": "subscribe"},
                 "polling": {"interval": "500ms", "timeout": "400ms"}}""".formatted(server.url())))
            .andExpect(status().isCreated()).andExpect(jsonPath("$.protocol.sampling").value("subscribe"));
        awaitStatus("sub-1", "ONLINE");
        awaitReading("temperature", 215.0);

        // Polls would add a reading every 500 ms; a subscription only reports changes.
        Thread.sleep(1500);
        temperatureReadings().andExpect(jsonPath("$.totalItems").value(1));
        server.set("Temperature", 30.25);
        awaitReading("temperature", 302.5);
        temperatureReadings().andExpect(jsonPath("$.totalItems").value(2));

        server.close();
        awaitStatus("sub-1", "OFFLINE");
        try (OpcUaTestServer back = OpcUaTestServer.start(port)) {
            awaitStatus("sub-1", "ONLINE");
            back.set("Temperature", 40.0);
            awaitReading("temperature", 400.0);

            this.mvc.perform(put("/api/v1/devices/sub-1/admin-state").contentType(MediaType.APPLICATION_JSON)
                .content("{\"adminState\": \"LOCKED\"}")).andExpect(status().isOk());
            long kept = totalTemperatureReadings();
            back.set("Temperature", 50.0);
            Thread.sleep(1500);
            temperatureReadings().andExpect(jsonPath("$.totalItems").value(kept))
                .andExpect(jsonPath("$.items[0].value").value(closeTo(400.0, 1e-9)));
        }
    }

    @Test
    void aSubscribedValueWithADeadbandArrivesOnlyWhenItMovesBeyondIt() throws Exception {
        try (OpcUaTestServer server = OpcUaTestServer.start()) {
            // Band 5 in the profile's units is 0.5 in the node's (scale 10): the server's DataChangeFilter.
            this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON).content("""
                    {"name": "plc-band", "resources": [
                      {"name": "temperature", "valueType": "FLOAT64", "readWrite": "R", "scale": 10,
                       "deadband": {"absolute": 5}, "attributes": {"nodeId": "ns=2;s=Temperature"}}]}"""))
                .andExpect(status().isCreated());
            this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).content("""
                    {"name": "band-1", "profile": "plc-band",
                     "protocol": {"type": "opcua", "endpointUrl": "%s", "sampling": "subscribe"},
                     "polling": {"interval": "200ms", "timeout": "150ms"}}""".formatted(server.url())))
                .andExpect(status().isCreated());
            awaitStatus("band-1", "ONLINE");
            Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> readings("band-1")
                .andExpect(jsonPath("$.totalItems").value(1)));
            server.set("Temperature", 21.8);
            server.set("Temperature", 21.2);
            Thread.sleep(1000);
            readings("band-1").andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].value").value(closeTo(215.0, 1e-9)));
            server.set("Temperature", 22.1);
            Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> readings("band-1")
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].value").value(closeTo(221.0, 1e-9))));
        }
    }

    private ResultActions readings(String device) throws Exception {
        return this.mvc.perform(get("/api/v1/devices/" + device + "/readings").param("resource", "temperature"));
    }

    private ResultActions temperatureReadings() throws Exception {
        return this.mvc.perform(get("/api/v1/devices/sub-1/readings").param("resource", "temperature"));
    }

    private long totalTemperatureReadings() throws Exception {
        String body = temperatureReadings().andReturn().getResponse().getContentAsString();
        return tools.jackson.databind.json.JsonMapper.shared().readTree(body).path("totalItems").asLong();
    }

    private void awaitReading(String resource, double value) {
        Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS)
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/devices/sub-1/readings").param("resource", resource))
                .andExpect(jsonPath("$.items[0].value").value(closeTo(value, 1e-9))));
    }

    private void awaitStatus(String device, String status) {
        Awaitility.await().atMost(60, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS)
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/devices/" + device + "/connectivity"))
                .andExpect(jsonPath("$.status").value(status)));
    }
}
