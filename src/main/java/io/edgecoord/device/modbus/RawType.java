package io.edgecoord.device.modbus;

/** How the registers of a resource encode its value (EdgeX's {@code rawType}). */
public enum RawType {
    INT16(1), UINT16(1), INT32(2), UINT32(2), INT64(4), UINT64(4), FLOAT32(2), FLOAT64(4), BOOL(1), STRING(0), BINARY(0);

    private final int registers;

    RawType(int registers) {
        this.registers = registers;
    }

    /** Registers the type takes; 0 for STRING and BINARY, whose length is configured. */
    int registers() {
        return this.registers;
    }

    boolean integral() {
        return this == INT16 || this == UINT16 || this == INT32 || this == UINT32 || this == INT64 || this == UINT64;
    }

    boolean floating() {
        return this == FLOAT32 || this == FLOAT64;
    }
}
