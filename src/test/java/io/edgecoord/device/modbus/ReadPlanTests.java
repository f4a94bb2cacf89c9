package io.edgecoord.device.modbus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadPlanTests {

    @Test
    void readsTouchingAndOverlappingRegistersInOneRequest() {
        Map<String, ModbusLocator> resources = new LinkedHashMap<>();
        resources.put("b", registers(2, 2));
        resources.put("a", registers(0, 2));
        resources.put("c", registers(3, 1));
        assertThat(ReadPlan.of(resources)).containsExactly(
                new ReadPlan.Read(ModbusTable.HOLDING_REGISTERS, 0, 4, List.of("a", "b", "c")));
    }

    @Test
    void readsApartAcrossAGapATableOrTheProtocolsLimit() {
        Map<String, ModbusLocator> resources = new LinkedHashMap<>();
        resources.put("low", registers(0, 100));
        resources.put("high", registers(100, 30));
        resources.put("gap", registers(200, 1));
        resources.put("coil", new ModbusLocator(ModbusTable.COILS, 0, RawType.BOOL, false, false, -1, 1, 0));
        assertThat(ReadPlan.of(resources)).containsExactly(
                new ReadPlan.Read(ModbusTable.HOLDING_REGISTERS, 0, 100, List.of("low")),
                new ReadPlan.Read(ModbusTable.HOLDING_REGISTERS, 100, 30, List.of("high")),
                new ReadPlan.Read(ModbusTable.HOLDING_REGISTERS, 200, 1, List.of("gap")),
                new ReadPlan.Read(ModbusTable.COILS, 0, 1, List.of("coil")));
    }

    private static ModbusLocator registers(int address, int count) {
        return new ModbusLocator(ModbusTable.HOLDING_REGISTERS, address, RawType.STRING, false, false, -1, count, 0);
    }
}
