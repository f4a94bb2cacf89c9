package io.edgecoord.device.modbus;

/** A value does not fit the registers of its resource (out of its raw type's range, a string too long). */
public class ModbusValueException extends RuntimeException {

    ModbusValueException(String message) {
        super(message);
    }
}
