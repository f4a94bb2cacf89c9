package io.edgecoord.device;

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

import io.edgecoord.device.profile.UnknownProfileException;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The device module on its own, over its REST API, with the real registry, database and poller
 * against a simulated device: one device's whole life.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "edgecoord.device.poll.min-interval=100ms",
        "edgecoord.device.network.allow=127.0.0.0/8",
        "spring.datasource.url=jdbc:h2:mem:devices;DB_CLOSE_DELAY=-1" })
@AutoConfigureMockMvc(addFilters = false)
class DeviceModuleTests {

    static DeviceSimulator simulator;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = DeviceSimulator.start();
        simulator.device("hall-1").value("temperature", 215).value("setpoint", 20.0).value("mode", "HEAT");
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void aDeviceIsRegisteredPolledCommandedLockedAndDeleted() throws Exception {
        this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON).content(PROFILE))
            .andExpect(status().isCreated());
        this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
            .content(DEVICE.formatted(simulator.baseUrl("hall-1"))))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", "/api/v1/devices/hall-1"))
            .andExpect(header().string("ETag", "\"0\""));
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.requests("hall-1").size() >= 2);
        this.mvc.perform(get("/api/v1/devices/hall-1/connectivity")).andExpect(jsonPath("$.status").value("ONLINE"));
        this.mvc.perform(get("/api/v1/devices").param("label", "hall").param("status", "ONLINE"))
            .andExpect(jsonPath("$.items[0].name").value("hall-1"))
            .andExpect(jsonPath("$.totalItems").value(1));
        this.mvc.perform(get("/api/v1/devices").param("label", "attic")).andExpect(jsonPath("$.totalItems").value(0));

        this.mvc.perform(patch("/api/v1/devices/hall-1").header("If-Match", "\"7\"")
            .contentType("application/merge-patch+json").content("{\"description\": \"by the door\"}"))
            .andExpect(status().isPreconditionFailed());
        this.mvc.perform(patch("/api/v1/devices/hall-1").contentType("application/merge-patch+json")
            .content("{\"connectivity\": {\"status\": \"ONLINE\"}}")).andExpect(status().isBadRequest());
        this.mvc.perform(patch("/api/v1/devices/hall-1").header("If-Match", "\"0\"")
            .contentType("application/merge-patch+json").content("{\"description\": \"by the door\"}"))
            .andExpect(status().isOk())
            .andExpect(header().string("ETag", "\"1\""))
            .andExpect(jsonPath("$.description").value("by the door"));

        this.mvc.perform(get("/api/v1/devices/hall-1/commands/status"))
            .andExpect(jsonPath("$.temperature").value(closeTo(21.5, 1e-9)))
            .andExpect(jsonPath("$.setpoint").value(closeTo(20.0, 1e-9)));
        this.mvc.perform(put("/api/v1/devices/hall-1/commands/setpoint").contentType(MediaType.APPLICATION_JSON)
            .content("{\"setpoint\": 22.5}")).andExpect(jsonPath("$.setpoint").value(closeTo(22.5, 1e-9)));
        this.mvc.perform(put("/api/v1/devices/hall-1/commands/setpoint").contentType(MediaType.APPLICATION_JSON)
            .content("{\"setpoint\": 99}")).andExpect(status().isBadRequest());
        this.mvc.perform(put("/api/v1/devices/hall-1/commands/temperature").contentType(MediaType.APPLICATION_JSON)
            .content("{\"temperature\": 20}")).andExpect(status().isBadRequest());
        this.mvc.perform(post("/api/v1/devices/hall-1/poll")).andExpect(jsonPath("$.values.temperature").exists());

        this.mvc.perform(put("/api/v1/devices/hall-1/admin-state").contentType(MediaType.APPLICATION_JSON)
            .content("{\"adminState\": \"LOCKED\"}")).andExpect(jsonPath("$.adminState").value("LOCKED"));
        this.mvc.perform(get("/api/v1/devices/hall-1/commands/temperature")).andExpect(status().is(423));

        this.mvc.perform(get("/api/v1/device-profiles").param("page", "0"))
            .andExpect(header().doesNotExist("Deprecation"))
            .andExpect(jsonPath("$.items[0].name").value("thermostat-v1"))
            .andExpect(jsonPath("$.totalItems").value(1));
        this.mvc.perform(get("/api/v1/device-profiles")) // as 0.x clients ask: the bare array, marked
            .andExpect(header().string("Deprecation", "@1796515200"))
            .andExpect(jsonPath("$[0].name").value("thermostat-v1"));

        this.mvc.perform(delete("/api/v1/device-profiles/thermostat-v1")).andExpect(status().isConflict());
        this.mvc.perform(delete("/api/v1/devices/hall-1")).andExpect(status().isNoContent());
        this.mvc.perform(get("/api/v1/devices/hall-1")).andExpect(status().isNotFound());
        this.mvc.perform(delete("/api/v1/device-profiles/thermostat-v1")).andExpect(status().isNoContent());
    }

    @Test
    void refusesADeviceOfAnUnknownProfile() throws Exception {
        this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
            .content(DEVICE.formatted("http://127.0.0.1:1").replace("thermostat-v1", "nope").replace("hall-1", "attic")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value(UnknownProfileException.TYPE.toString()));
    }

    private static final String PROFILE = """
            {"name": "thermostat-v1", "manufacturer": "Acme",
             "resources": [
               {"name": "temperature", "valueType": "FLOAT64", "readWrite": "R", "units": "degC",
                "scale": 0.1, "attributes": {"path": "/temperature"}},
               {"name": "setpoint", "valueType": "FLOAT64", "readWrite": "RW", "minimum": 5, "maximum": 30,
                "attributes": {"path": "/setpoint"}},
               {"name": "mode", "valueType": "STRING", "readWrite": "RW", "allowedValues": ["OFF", "HEAT", "COOL"]}],
             "commands": [{"name": "status", "readWrite": "R", "resources": ["temperature", "setpoint"]}],
             "defaults": {"pollInterval": "10s", "pollSource": "status"}}
            """;

    private static final String DEVICE = """
            {"name": "hall-1", "profile": "thermostat-v1", "labels": ["hall"],
             "protocol": {"type": "http", "baseUrl": "%s"},
             "polling": {"interval": "1s"}}
            """;
}
