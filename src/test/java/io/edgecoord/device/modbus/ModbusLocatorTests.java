package io.edgecoord.device.modbus;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModbusLocatorTests {

    @Test
    void takesEdgeXsSwapFlagsAndTheRawTypeFromTheValueType() {
        ModbusLocator locator = ModbusLocator.parse("t", Map.of("primaryTable", "input_registers",
                "startingAddress", "7", "isByteSwap", "true", "isWordSwap", "true"), ModbusLocator.Kind.NUMBER,
                false, RawType.FLOAT32, false);
        assertThat(locator).isEqualTo(new ModbusLocator(ModbusTable.INPUT_REGISTERS, 7, RawType.FLOAT32, true, true,
                -1, 2, 0));
    }

    @Test
    void namesTheAttributeAtFault() {
        assertThatThrownBy(() -> parse(Map.of("primaryTable", "HOLDING_REGISTERS", "startingAddress", "70000")))
            .hasMessageContaining("attributes.startingAddress must be between 0 and 65535");
        assertThatThrownBy(() -> parse(Map.of("primaryTable", "COIL", "startingAddress", "1")))
            .hasMessageContaining("attributes.primaryTable 'COIL' is not one of");
        assertThatThrownBy(() -> parse(Map.of("primaryTable", "COILS", "startingAddress", "1", "adress", "2")))
            .hasMessageContaining("attributes.adress is not a Modbus attribute");
        assertThatThrownBy(() -> parse(Map.of("primaryTable", "COILS", "startingAddress", "1")))
            .hasMessageContaining("attributes.rawType BOOL does not fit a NUMBER value");
    }

    @Test
    void anArrayTakesItsElementsRegistersOrBits() {
        ModbusLocator floats = ModbusLocator.parse("a", Map.of("primaryTable", "HOLDING_REGISTERS", "startingAddress",
                "10", "elements", "4"), ModbusLocator.Kind.NUMBER, true, RawType.FLOAT32, true);
        assertThat(floats.count()).isEqualTo(8);
        assertThat(floats.elementCount()).isEqualTo(2);
        ModbusLocator coils = ModbusLocator.parse("c", Map.of("primaryTable", "COILS", "startingAddress", "0",
                "elements", "16"), ModbusLocator.Kind.BOOL, true, RawType.BOOL, true);
        assertThat(coils.count()).isEqualTo(16);
        assertThatThrownBy(() -> ModbusLocator.parse("a", Map.of("primaryTable", "HOLDING_REGISTERS",
                "startingAddress", "0"), ModbusLocator.Kind.NUMBER, true, RawType.INT16, false))
            .hasMessageContaining("attributes.elements is required");
        assertThatThrownBy(() -> ModbusLocator.parse("a", Map.of("primaryTable", "HOLDING_REGISTERS",
                "startingAddress", "0", "elements", "40"), ModbusLocator.Kind.NUMBER, true, RawType.FLOAT64, false))
            .hasMessageContaining("160 registers are more than one request reads (125)");
        assertThatThrownBy(() -> parse(Map.of("primaryTable", "HOLDING_REGISTERS", "startingAddress", "0",
                "elements", "2"))).hasMessageContaining("elements applies to array value types only");
    }

    @Test
    void aBitOfAHoldingRegisterMayBeWritableButNotOfAnInputRegister() {
        ModbusLocator bit = ModbusLocator.parse("b", Map.of("primaryTable", "HOLDING_REGISTERS", "startingAddress", "3",
                "bit", "9"), ModbusLocator.Kind.BOOL, false, RawType.BOOL, true);
        assertThat(bit.bit()).isEqualTo(9);
        assertThatThrownBy(() -> ModbusLocator.parse("b", Map.of("primaryTable", "INPUT_REGISTERS", "startingAddress",
                "3", "bit", "9"), ModbusLocator.Kind.BOOL, false, RawType.BOOL, true))
            .hasMessageContaining("primaryTable INPUT_REGISTERS is read-only");
    }

    private static ModbusLocator parse(Map<String, String> attributes) {
        return ModbusLocator.parse("t", attributes, ModbusLocator.Kind.NUMBER, false, RawType.INT16, false);
    }
}
