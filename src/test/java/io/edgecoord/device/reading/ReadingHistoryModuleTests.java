package io.edgecoord.device.reading;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.edgecoord.device.DeviceSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Readings history and the last-value gauges over the REST API, with the real database: every
 * reading kept and paged newest first, the table trimmed to its bound, gauges only for devices
 * that opt in.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "edgecoord.device.network.allow=127.0.0.0/8",
        "edgecoord.device.history.max-rows=20", "edgecoord.device.history.delete-batch=3",
        "spring.datasource.url=jdbc:h2:mem:readings;DB_CLOSE_DELAY=-1" })
@AutoConfigureMockMvc(addFilters = false)
class ReadingHistoryModuleTests {

    static DeviceSimulator simulator;

    @Autowired
    MockMvc mvc;

    @Autowired
    ReadingHistory history;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = DeviceSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void keepsEveryReadingAndAnswersThemNewestFirstByResourceAndTime() throws Exception {
        simulator.device("hist-1").value("power", 1.0).value("status", "OK");
        register("hist-1", false);
        for (double power : new double[] { 1.5, 2.5, 3.5 }) {
            simulator.device("hist-1").value("power", power);
            this.mvc.perform(post("/api/v1/devices/hist-1/poll")).andExpect(status().isOk());
        }
        this.mvc.perform(get("/api/v1/devices/hist-1/readings").param("resource", "power").param("size", "2"))
            .andExpect(jsonPath("$.items[0].value").value(closeTo(3.5, 1e-9)))
            .andExpect(jsonPath("$.items[1].value").value(closeTo(2.5, 1e-9)))
            .andExpect(jsonPath("$.items.length()").value(2))
            .andExpect(jsonPath("$.totalItems").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)));
        this.mvc.perform(get("/api/v1/devices/hist-1/readings").param("resource", "status"))
            .andExpect(jsonPath("$.items[0].value").value("OK"));
        this.mvc.perform(get("/api/v1/devices/hist-1/readings").param("until", "2000-01-01T00:00:00Z"))
            .andExpect(jsonPath("$.totalItems").value(0));
        this.mvc.perform(get("/api/v1/devices/nope/readings")).andExpect(status().isNotFound());
        this.mvc.perform(delete("/api/v1/devices/hist-1")).andExpect(status().isNoContent());
        assertThat(this.jdbc.queryForObject("select count(*) from device_reading where device_name = 'hist-1'",
                Long.class)).isZero();
    }

    @Test
    void trimsTheOldestRowsPastTheBoundInBatches() {
        for (int i = 0; i < 30; i++) {
            this.jdbc.update("insert into device_reading (device_name, resource, value_json, read_at) "
                    + "values ('bulk', 'r', ?, current_timestamp)", String.valueOf(i));
        }
        this.history.flush();
        long before = this.jdbc.queryForObject("select count(*) from device_reading", Long.class);
        assertThat(this.history.trim()).isEqualTo(before - 20);
        assertThat(this.jdbc.queryForObject("select count(*) from device_reading", Long.class)).isEqualTo(20);
        assertThat(this.jdbc.queryForList("select value_json from device_reading where device_name = 'bulk'",
                String.class)).contains("29").doesNotContain("0");
        this.jdbc.update("delete from device_reading where device_name = 'bulk'");
    }

    @Test
    void exportsTheLastNumericValuesOfDevicesThatOptInAsGauges() throws Exception {
        simulator.device("gauge-1").value("power", 7.25).value("status", "OK");
        simulator.device("quiet-1").value("power", 1.0).value("status", "OK");
        register("gauge-1", true);
        register("quiet-1", false);
        this.mvc.perform(post("/api/v1/devices/gauge-1/poll")).andExpect(status().isOk());
        this.mvc.perform(post("/api/v1/devices/quiet-1/poll")).andExpect(status().isOk());
        assertThat(this.meters.get("edgecoord.device.reading.value").tags("device", "gauge-1", "resource", "power")
            .gauge().value()).isEqualTo(7.25);
        assertThat(this.meters.find("edgecoord.device.reading.value").tags("device", "quiet-1").gauges()).isEmpty();
        assertThat(this.meters.find("edgecoord.device.reading.value").tags("resource", "status").gauges()).isEmpty();
        this.mvc.perform(patch("/api/v1/devices/gauge-1").contentType("application/merge-patch+json")
            .content("{\"metrics\": false}")).andExpect(status().isOk()).andExpect(jsonPath("$.metrics").value(false));
        this.mvc.perform(post("/api/v1/devices/gauge-1/poll")).andExpect(status().isOk());
        assertThat(this.meters.find("edgecoord.device.reading.value").tags("device", "gauge-1").gauges()).isEmpty();
    }

    private void register(String name, boolean metrics) throws Exception {
        this.mvc.perform(post("/api/v1/device-profiles").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "hist-%s", "resources": [
                  {"name": "power", "valueType": "FLOAT64", "readWrite": "R"},
                  {"name": "status", "valueType": "STRING", "readWrite": "R"}]}""".formatted(name)));
        this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "%s", "profile": "hist-%s", "protocol": {"type": "http", "baseUrl": "%s"},
                 "polling": {"interval": "1h"}, "metrics": %s}""".formatted(name, name, simulator.baseUrl(name), metrics)))
            .andExpect(status().isCreated());
    }
}
