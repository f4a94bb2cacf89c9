package io.edgecoord.device.modbus;

/** The four Modbus data tables, with how much one request may read of each. */
public enum ModbusTable {
    /** Read-write 16-bit registers (function codes 3, 6, 16). */
    HOLDING_REGISTERS(125, true, true),
    /** Read-only 16-bit registers (function code 4). */
    INPUT_REGISTERS(125, true, false),
    /** Read-write bits (function codes 1, 5, 15). */
    COILS(2000, false, true),
    /** Read-only bits (function code 2). */
    DISCRETE_INPUTS(2000, false, false);

    private final int maxPerRead;

    private final boolean registers;

    private final boolean writable;

    ModbusTable(int maxPerRead, boolean registers, boolean writable) {
        this.maxPerRead = maxPerRead;
        this.registers = registers;
        this.writable = writable;
    }

    /** The protocol's limit of registers or bits in one read request. */
    public int maxPerRead() {
        return this.maxPerRead;
    }

    /** Whether the table holds 16-bit registers rather than bits. */
    public boolean registers() {
        return this.registers;
    }

    public boolean writable() {
        return this.writable;
    }
}
