package io.edgecoord.shadow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.node.ObjectNode;

import io.edgecoord.device.DeviceCommands;
import io.edgecoord.device.DeviceRegistry;

import static io.edgecoord.shadow.Json.assertJson;
import static io.edgecoord.shadow.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/** Writing desired values to devices: what is written, what is reported back, and what is recorded. */
class ShadowActuatorTests {

    ShadowService service = mock();

    ShadowStore store = mock();

    DeviceRegistry registry = mock();

    DeviceCommands commands = mock();

    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    ShadowActuator actuator;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void wire() {
        ObjectProvider<DeviceRegistry> registries = mock();
        ObjectProvider<DeviceCommands> writers = mock();
        given(registries.getIfAvailable()).willReturn(this.registry);
        given(writers.getIfAvailable()).willReturn(this.commands);
        this.actuator = new ShadowActuator(this.service, this.store, registries, writers,
                new ShadowMetrics(this.meters), Clock.fixed(Instant.ofEpochSecond(100), ZoneOffset.UTC));
        given(this.store.find("t1"))
            .willReturn(Optional.of(ActuationPlanTests.doc("{'state':{'desired':{'setpoint':21,'temperature':5}}}")));
    }

    @Test
    void writesWritableDesiredValuesAndReportsWhatTheDeviceReadsBack() {
        given(this.registry.find("t1")).willReturn(Optional.of(ActuationPlanTests.device(false)));
        given(this.commands.write("t1", Map.of("setpoint", 21))).willReturn(Map.of("setpoint", 21.0));
        this.actuator.actuate("t1");
        then(this.service).should().report("t1", object("{'setpoint':21.0}"));
        assertJson(recorded(), "{'status':'CONFIRMED','version':1,'resources':['setpoint'],'timestamp':100}");
        assertThat(this.meters.counter("edgecoord.shadow.actuations", "result", "confirmed").count()).isOne();
    }

    @Test
    void recordsAReadBackThatDiffersAsUnconfirmed() {
        given(this.registry.find("t1")).willReturn(Optional.of(ActuationPlanTests.device(false)));
        given(this.commands.write(eq("t1"), any())).willReturn(Map.of("setpoint", 20));
        this.actuator.actuate("t1");
        assertThat(recorded().get("status").stringValue()).isEqualTo("UNCONFIRMED");
    }

    @Test
    void recordsAndCountsAFailedWriteWithTheDevicesProblem() {
        given(this.registry.find("t1")).willReturn(Optional.of(ActuationPlanTests.device(false)));
        ErrorResponseException timeout = new ErrorResponseException(HttpStatus.GATEWAY_TIMEOUT);
        timeout.setDetail("Device t1 did not answer within 5s");
        given(this.commands.write(eq("t1"), any())).willThrow(timeout);
        this.actuator.actuate("t1");
        assertJson(recorded().get("error"), "{'code':504,'message':'Device t1 did not answer within 5s'}");
        assertThat(this.meters.counter("edgecoord.shadow.actuations", "result", "failed").count()).isOne();
        then(this.service).shouldHaveNoInteractions();
    }

    @Test
    void skipsALockedDeviceAndSaysSo() {
        given(this.registry.find("t1")).willReturn(Optional.of(ActuationPlanTests.device(true)));
        this.actuator.actuate("t1");
        assertThat(recorded().get("status").stringValue()).isEqualTo("SKIPPED");
        then(this.commands).shouldHaveNoInteractions();
    }

    @Test
    void doesNothingForAnUnknownDevice() {
        given(this.registry.find("t1")).willReturn(Optional.empty());
        this.actuator.actuate("t1");
        then(this.commands).shouldHaveNoInteractions();
        then(this.store).should().find("t1");
        then(this.store).shouldHaveNoMoreInteractions();
    }

    private ObjectNode recorded() {
        ArgumentCaptor<ObjectNode> outcome = ArgumentCaptor.captor();
        then(this.store).should().recordActuation(eq("t1"), outcome.capture());
        return outcome.getValue();
    }
}
