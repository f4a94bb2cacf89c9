package io.edgecoord.device.modbus;

/** A profile resource's Modbus attributes are missing, malformed or contradict each other. */
public class ModbusAttributeException extends RuntimeException {

    ModbusAttributeException(String message) {
        super(message);
    }
}
