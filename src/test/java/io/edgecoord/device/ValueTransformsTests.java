package io.edgecoord.device;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Scale and offset on read, their reverse and the profile's limits on write. */
class ValueTransformsTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private final ValueTransforms transforms = new ValueTransforms(this.json);

    private final ProfileResource temperature = DeviceFixtures.thermostat().resource("temperature").orElseThrow();

    private final ProfileResource setpoint = DeviceFixtures.thermostat().resource("setpoint").orElseThrow();

    @Test
    void scalesRawReadings() throws Exception {
        assertThat(this.transforms.fromRaw(this.temperature, this.json.readTree("215"))).isEqualTo(21.5);
    }

    @Test
    void aReadingOfTheWrongTypeIsAProtocolError() {
        assertThatExceptionOfType(DeviceCallException.class)
            .isThrownBy(() -> this.transforms.fromRaw(this.temperature, this.json.readTree("\"hot\"")))
            .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.PROTOCOL_ERROR));
    }

    @Test
    void writesTheReverseOfTheReadTransform() {
        ProfileResource scaled = new ProfileResource("level", ValueType.INT32, ReadWrite.RW, null, null, null, 0.5, 10.0,
                null, null);
        assertThat(this.transforms.toRaw(scaled, 30).intValue()).isEqualTo(40);
    }

    @Test
    void refusesValuesOutOfRangeOrNotAllowed() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> this.transforms.toRaw(this.setpoint, 31));
        ProfileResource mode = DeviceFixtures.thermostat().resource("mode").orElseThrow();
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> this.transforms.toRaw(mode, "AUTO"));
        assertThat(this.transforms.toRaw(mode, "HEAT").stringValue()).isEqualTo("HEAT");
    }
}
