package io.edgecoord.device.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import io.edgecoord.device.DeviceFixtures;
import io.edgecoord.device.command.DeviceCommandController;
import io.edgecoord.device.command.ResourceCommands;
import io.edgecoord.device.polling.Connectivity;
import io.edgecoord.device.profile.InvalidDefinitionException;
import io.edgecoord.device.profile.UnknownProfileException;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The device API's shapes and its errors as RFC 9457 problems. */
@WebMvcTest({ DeviceController.class, DeviceCommandController.class })
@AutoConfigureMockMvc(addFilters = false)
class DeviceControllerTests {

    private static final String BODY = """
            {"name": "%s", "profile": "thermostat-v1", "labels": ["hall"],
             "protocol": {"type": "http", "baseUrl": "http://10.0.0.7:8080/api"},
             "polling": {"interval": "%s", "timeout": "%s"}}
            """;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RegisteredDevices registry;

    @MockitoBean
    ResourceCommands commands;

    @Test
    void registersADeviceWithItsLocationAndRevisionAsETag() throws Exception {
        StoredDevice device = stored();
        given(this.registry.register(any())).willReturn(device);
        given(this.registry.connectivity("hall-1")).willReturn(Connectivity.unknown(Instant.EPOCH));
        this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
            .content(BODY.formatted("hall-1", "2s", "1s")))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", "/api/v1/devices/hall-1"))
            .andExpect(header().string("ETag", "\"4\""))
            .andExpect(jsonPath("$.protocol.type").value("http"))
            .andExpect(jsonPath("$.protocol.linkId").value("http://10.0.0.7:8080"))
            .andExpect(jsonPath("$.polling.interval").value("2s"))
            .andExpect(jsonPath("$.connectivity.status").value("UNKNOWN"))
            .andExpect(jsonPath("$.operatingState").value("UNKNOWN"));
    }

    @Test
    void refusesAnInvalidName() throws Exception {
        this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
            .content(BODY.formatted("hall/1", "2s", "1s"))).andExpect(problem(400, "invalid-request"));
    }

    @Test
    void refusesAnUnknownProfile() throws Exception {
        given(this.registry.register(any())).willThrow(new UnknownProfileException("No device profile is named 'x'."));
        this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
            .content(BODY.formatted("hall-1", "2s", "1s"))).andExpect(problem(400, "unknown-device-profile"));
    }

    @Test
    void refusesATimeoutNotShorterThanTheInterval() throws Exception {
        given(this.registry.register(any())).willThrow(new InvalidDefinitionException("polling.timeout must be ..."));
        this.mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
            .content(BODY.formatted("hall-1", "2s", "2s"))).andExpect(problem(400, "invalid-device-definition"));
    }

    @Test
    void answersAStaleIfMatchWith412() throws Exception {
        given(this.registry.patch(eq("hall-1"), any(), eq(3L)))
            .willThrow(new RevisionMismatchException("Device 'hall-1' is at revision 4, not 3."));
        this.mvc.perform(patch("/api/v1/devices/hall-1").header("If-Match", "\"3\"")
            .contentType("application/merge-patch+json")
            .content("{\"description\": \"moved\"}")).andExpect(problem(412, "revision-mismatch"));
    }

    @Test
    void answersCommandsToALockedDeviceWith423() throws Exception {
        given(this.commands.resourcesOf("hall-1", "temperature")).willReturn(List.of("temperature"));
        given(this.commands.read(eq("hall-1"), any())).willThrow(new DeviceLockedException("Device 'hall-1' is LOCKED."));
        this.mvc.perform(get("/api/v1/devices/hall-1/commands/temperature")).andExpect(problem(423, "device-locked"));
    }

    @Test
    void answersAnUnknownDeviceWith404() throws Exception {
        given(this.registry.get("nope")).willThrow(new DeviceNotFoundException("No device is named 'nope'."));
        this.mvc.perform(get("/api/v1/devices/nope")).andExpect(problem(404, "device-not-found"));
    }

    private static StoredDevice stored() {
        RegisterDeviceRequest definition = new RegisterDeviceRequest("hall-1", null, List.of("hall"), "thermostat-v1",
                new HttpBinding("http://10.0.0.7:8080/api", null), new Polling("2s", "1s", null), null, null);
        PolledDevice polled = DeviceFixtures.polled("hall-1", "http://10.0.0.7:8080/api", null, Duration.ofSeconds(2),
                Duration.ofSeconds(1));
        return new StoredDevice(UUID.randomUUID(), definition, polled, 4, Instant.EPOCH, Instant.EPOCH);
    }

    private static ResultMatcher problem(int status, String slug) {
        ResultMatcher[] matchers = { status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value("https://edgecoord.io/problems/" + slug),
                jsonPath("$.status").value(status), jsonPath("$.detail").isNotEmpty() };
        return (result) -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }
}
