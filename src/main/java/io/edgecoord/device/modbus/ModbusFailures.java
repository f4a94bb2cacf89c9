package io.edgecoord.device.modbus;

import io.edgecoord.device.polling.FailureKind;

/**
 * How a Modbus exception response counts: the device answered, so most codes are its error; a
 * gateway that cannot reach its target (0x0A) means the device is unreachable, and one whose
 * target did not answer (0x0B) means it timed out. Pure.
 */
final class ModbusFailures {

    private ModbusFailures() {
    }

    static FailureKind kind(int code) {
        return switch (code) {
            case 0x0A -> FailureKind.UNREACHABLE;
            case 0x0B -> FailureKind.TIMEOUT;
            default -> FailureKind.DEVICE_ERROR;
        };
    }

    /** The code and its name as the Modbus specification gives it, for {@code lastError}. */
    static String describe(int code) {
        String name = switch (code) {
            case 0x01 -> "ILLEGAL FUNCTION";
            case 0x02 -> "ILLEGAL DATA ADDRESS";
            case 0x03 -> "ILLEGAL DATA VALUE";
            case 0x04 -> "SERVER DEVICE FAILURE";
            case 0x05 -> "ACKNOWLEDGE";
            case 0x06 -> "SERVER DEVICE BUSY";
            case 0x08 -> "MEMORY PARITY ERROR";
            case 0x0A -> "GATEWAY PATH UNAVAILABLE";
            case 0x0B -> "GATEWAY TARGET DEVICE FAILED TO RESPOND";
            default -> "UNKNOWN";
        };
        return String.format("Modbus exception 0x%02X (%s)", code, name);
    }
}
