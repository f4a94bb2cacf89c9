package io.edgecoord.shadow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import io.edgecoord.device.DeviceCommands;
import io.edgecoord.device.DeviceReadingsPolled;
import io.edgecoord.device.DeviceRegistry;

import static io.edgecoord.shadow.Json.json;
import static io.edgecoord.shadow.Json.object;
import static io.edgecoord.shadow.ShadowControllerTests.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shadow module in the running application, with the device module's beans mocked: polls,
 * actuation, events and the HTTP API end to end. The Docker backend points at no engine.
 */
@SpringBootTest(properties = "edgecoord.execution.docker.host=unix:///tmp/edgecoord-no-such-engine.sock")
@AutoConfigureMockMvc(addFilters = false)
@RecordApplicationEvents
class ShadowModuleTests {

    static final String SHADOW = "/api/v1/devices/t1/shadow";

    @MockitoSpyBean
    DeviceRegistry registry;

    @MockitoSpyBean
    DeviceCommands commands;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ShadowRepository shadows;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry properties) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "ec-shadow");
        properties.add("edgecoord.data-dir", dir::toString);
        properties.add("edgecoord.execution.docker.instance-id", () -> "shadow-" + UUID.randomUUID());
    }

    @BeforeEach
    void oneThermostat() {
        this.shadows.deleteAll();
        willReturn(Optional.of(ActuationPlanTests.device(false))).given(this.registry).find("t1");
    }

    @Test
    void aPollThatChangesValuesMovesTheVersionOnceAndAnIdenticalPollDoesNot() throws Exception {
        poll(Map.of("temperature", 20.5, "setpoint", 19));
        assertThat(shadow().path("version").asLong()).isEqualTo(1);
        poll(Map.of("temperature", 20.5, "setpoint", 19.0));
        assertThat(shadow().path("version").asLong()).isEqualTo(1);
        poll(Map.of("temperature", 21, "setpoint", 19));
        JsonNode shadow = shadow();
        assertThat(shadow.path("version").asLong()).isEqualTo(2);
        assertThat(shadow.at("/state/reported")).isEqualTo(object("{'temperature':21,'setpoint':19}"));
    }

    @Test
    void aDesiredWritableValueIsWrittenToTheDeviceAndItsReadBackClearsTheDelta() throws Exception {
        willReturn(Map.of("setpoint", 22.0)).given(this.commands).write("t1", Map.of("setpoint", 22));
        this.mvc.perform(patch(SHADOW).contentType(MediaType.APPLICATION_JSON)
            .content("{\"state\":{\"desired\":{\"setpoint\":22,\"temperature\":1}}}")).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(shadow().at("/metadata/actuation/status").asString()).isEqualTo("CONFIRMED"));
        JsonNode shadow = shadow();
        assertThat(shadow.at("/state/reported/setpoint").asDouble()).isEqualTo(22.0);
        assertThat(shadow.at("/state/delta")).isEqualTo(object("{'temperature':1}"));
        assertThat(shadow.path("version").asLong()).isEqualTo(2);
        then(this.commands).should().write("t1", Map.of("setpoint", 22));
        assertThat(this.events.stream(ShadowDeltaChanged.class)).first()
            .satisfies((event) -> assertThat(event.delta()).isEqualTo(object("{'setpoint':22,'temperature':1}")));
    }

    @Test
    void refusesOverHttpWithAwsErrorsAsProblems() throws Exception {
        this.mvc.perform(get("/api/v1/devices/nope/shadow")).andExpect(problem(404, "device-not-found", "Thing not found"));
        this.mvc.perform(get(SHADOW)).andExpect(problem(404, "shadow-not-found", "No shadow exists with name: classic"));
        update("{'state':{'desired':{'c':[1,null]}}}", null).andExpect(status().isBadRequest());
        update("{'state':{'desired':{}},'metadata':{}}", null).andExpect(status().isBadRequest());
        update("{'state':{'desired':{'a':{'b':{'c':{'d':{'e':{'f':{'g':1}}}}}}}}}", null)
            .andExpect(problem(400, "shadow-request-invalid", "JSON contains too many levels of nesting; maximum is 6"));
        update("{'state':{'reported':{'setpoint':20}}}", null).andExpect(status().isOk());
        update("{'state':{'desired':{'setpoint':21}}}", "\"0\"").andExpect(problem(409, "shadow-version-conflict",
                "Version conflict"));
        update("{'state':{'desired':{'setpoint':21}},'version':0}", null).andExpect(status().isConflict());
        update("{'state':{'reported':{'x':'" + "x".repeat(8200) + "'}}}", null)
            .andExpect(problem(413, "shadow-too-large", "The payload exceeds the maximum size allowed"));
        this.mvc.perform(get(SHADOW + "/delta")).andExpect(status().isNoContent());
        assertThat(this.meters.counter("edgecoord.shadow.updates", "result", "rejected", "code", "409").count())
            .isEqualTo(2);
        assertThat(this.meters.counter("edgecoord.shadow.version.conflicts").count()).isEqualTo(2);
    }

    private void poll(Map<String, Object> values) {
        this.publisher.publishEvent(new DeviceReadingsPolled("t1", "status", values, Set.copyOf(values.keySet()),
                Instant.now()));
    }

    private ResultActions update(String body, String ifMatch) throws Exception {
        var request = patch(SHADOW).contentType(MediaType.APPLICATION_JSON).content(body.replace('\'', '"'));
        return this.mvc.perform((ifMatch != null) ? request.header("If-Match", ifMatch) : request);
    }

    private JsonNode shadow() throws Exception {
        return json(this.mvc.perform(get(SHADOW)).andReturn().getResponse().getContentAsString().replace('"', '\''));
    }
}
