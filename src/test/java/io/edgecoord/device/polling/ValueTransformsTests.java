package io.edgecoord.device.polling;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.DeviceFixtures;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.profile.ReadWrite;
import io.edgecoord.device.profile.ValueType;

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

    @Test
    void keepsEveryDigitOfAUint64BothWays() throws Exception {
        ProfileResource counter = resource("counter", ValueType.UINT64, null);
        assertThat(this.transforms.fromRaw(counter, this.json.readTree("18446744073709551615")))
            .isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(this.transforms.fromRaw(counter, this.json.readTree("42"))).isEqualTo(42L);
        assertThat(this.transforms.toRaw(counter, new BigInteger("18446744073709551615")).bigIntegerValue())
            .isEqualTo(new BigInteger("18446744073709551615"));
        assertThatExceptionOfType(InvalidValueException.class)
            .isThrownBy(() -> this.transforms.toRaw(counter, new BigInteger("18446744073709551616")))
            .withMessageContaining("out of the UINT64 range");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> this.transforms.toRaw(counter, -1));
    }

    @Test
    void takesBinaryAsBase64AndRefusesOtherText() throws Exception {
        ProfileResource blob = resource("blob", ValueType.BINARY, null);
        assertThat(this.transforms.fromRaw(blob, this.json.readTree("\"3q2+7w==\""))).isEqualTo("3q2+7w==");
        assertThat(this.transforms.toRaw(blob, "AQID").stringValue()).isEqualTo("AQID");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> this.transforms.toRaw(blob, "not base64!"))
            .withMessageContaining("base64");
        assertThatExceptionOfType(DeviceCallException.class)
            .isThrownBy(() -> this.transforms.fromRaw(blob, this.json.readTree("12")));
    }

    @Test
    void scalesAndChecksEachElementOfAnArray() throws Exception {
        ProfileResource levels = resource("levels", ValueType.INT16_ARRAY, 0.1);
        assertThat(this.transforms.fromRaw(levels, this.json.readTree("[10, 25, -30]"))).isEqualTo(List.of(1L, 3L, -3L));
        assertThat(this.transforms.toRaw(levels, List.of(1, 2)).toString()).isEqualTo("[10,20]");
        assertThatExceptionOfType(InvalidValueException.class)
            .isThrownBy(() -> this.transforms.toRaw(levels, List.of(1, 40000)))
            .withMessageContaining("'levels'");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> this.transforms.toRaw(levels, 3))
            .withMessageContaining("JSON array of INT16");
        assertThatExceptionOfType(DeviceCallException.class)
            .isThrownBy(() -> this.transforms.fromRaw(levels, this.json.readTree("7")));
    }

    private static ProfileResource resource(String name, ValueType type, Double scale) {
        return new ProfileResource(name, type, ReadWrite.RW, null, null, null, scale, null, null, null);
    }
}
