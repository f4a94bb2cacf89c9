package io.edgecoord.device.modbus;

import org.junit.jupiter.api.Test;

import io.edgecoord.device.polling.FailureKind;

import static org.assertj.core.api.Assertions.assertThat;

class ModbusFailuresTests {

    @Test
    void aGatewayThatCannotReachItsTargetMakesTheDeviceUnreachableAndOneWhoseTargetIsSilentATimeout() {
        assertThat(ModbusFailures.kind(0x0A)).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(ModbusFailures.kind(0x0B)).isEqualTo(FailureKind.TIMEOUT);
        assertThat(ModbusFailures.describe(0x0B)).isEqualTo("Modbus exception 0x0B (GATEWAY TARGET DEVICE FAILED TO RESPOND)");
    }

    @Test
    void everyOtherExceptionIsTheDevicesError() {
        for (int code : new int[] { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x08, 0x7F }) {
            assertThat(ModbusFailures.kind(code)).isEqualTo(FailureKind.DEVICE_ERROR);
        }
        assertThat(ModbusFailures.describe(0x06)).isEqualTo("Modbus exception 0x06 (SERVER DEVICE BUSY)");
    }
}
