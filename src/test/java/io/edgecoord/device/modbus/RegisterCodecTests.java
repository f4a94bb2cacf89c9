package io.edgecoord.device.modbus;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisterCodecTests {

    @Test
    void decodesAFloat32InAllFourByteAndWordOrders() {
        // 21.5f is 0x41AC0000: ABCD, BADC (bytes swapped), CDAB (words swapped), DCBA (both).
        assertThat(decode("FLOAT32", "BIG", "BIG", 0x41AC, 0x0000)).isEqualTo(21.5);
        assertThat(decode("FLOAT32", "LITTLE", "BIG", 0xAC41, 0x0000)).isEqualTo(21.5);
        assertThat(decode("FLOAT32", "BIG", "LITTLE", 0x0000, 0x41AC)).isEqualTo(21.5);
        assertThat(decode("FLOAT32", "LITTLE", "LITTLE", 0x0000, 0xAC41)).isEqualTo(21.5);
    }

    @Test
    void decodesSignedAndUnsignedIntegersOfEveryWidth() {
        assertThat(decode("INT16", "BIG", "BIG", 0xFFFB)).isEqualTo(-5L);
        assertThat(decode("UINT16", "BIG", "BIG", 0xFFFB)).isEqualTo(65531L);
        assertThat(decode("INT32", "BIG", "BIG", 0xFFFE, 0x1DC0)).isEqualTo(-123456L);
        assertThat(decode("UINT32", "BIG", "BIG", 0xEE6B, 0x2800)).isEqualTo(4_000_000_000L);
        assertThat(decode("INT64", "BIG", "LITTLE", 0x04CB, 0x71FB, 0x011F, 0x0000)).isEqualTo(1234567890123L);
        assertThat(decode("FLOAT64", "BIG", "BIG", 0xC002, 0, 0, 0)).isEqualTo(-2.25);
    }

    @Test
    void encodesWhatItDecodes() {
        for (String order : new String[] { "BIG", "LITTLE" }) {
            ModbusLocator locator = locator("FLOAT64", order, order, Map.of());
            int[] registers = RegisterCodec.encode(locator, 1234.5678, "x");
            assertThat(RegisterCodec.decode(locator, registers, 0)).isEqualTo(1234.5678);
            ModbusLocator int32 = locator("INT32", order, "BIG", Map.of());
            assertThat(RegisterCodec.decode(int32, RegisterCodec.encode(int32, -7L, "x"), 0)).isEqualTo(-7L);
        }
    }

    @Test
    void readsAStringWithoutItsTrailingNulsAndABitOfARegister() {
        ModbusLocator text = locator("STRING", "BIG", "BIG", Map.of("stringRegisterSize", "3"));
        assertThat(RegisterCodec.decode(text, new int[] { 0x4142, 0x4300, 0x0000 }, 0)).isEqualTo("ABC");
        ModbusLocator bit = ModbusLocator.parse("b", Map.of("primaryTable", "HOLDING_REGISTERS",
                "startingAddress", "5", "bit", "15"), ModbusLocator.Kind.BOOL, false, RawType.BOOL, false);
        assertThat(RegisterCodec.decode(bit, new int[] { 0, 0x8000 }, 4)).isEqualTo(true);
    }

    @Test
    void refusesAValueOutsideItsRawTypesRange() {
        assertThatThrownBy(() -> RegisterCodec.encode(locator("UINT16", "BIG", "BIG", Map.of()), -1L, "level"))
            .isInstanceOf(ModbusValueException.class)
            .hasMessageContaining("'level'")
            .hasMessageContaining("UINT16");
        assertThatThrownBy(() -> RegisterCodec.encode(locator("STRING", "BIG", "BIG",
                Map.of("stringRegisterSize", "1")), "ABC", "tag")).isInstanceOf(ModbusValueException.class);
    }

    @Test
    void holdsAUint64PastLongsRangeExactly() {
        ModbusLocator locator = locator("UINT64", "BIG", "BIG", Map.of());
        assertThat(RegisterCodec.decode(locator, new int[] { 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFE }, 0))
            .isEqualTo(new BigInteger("18446744073709551614"));
        assertThat(RegisterCodec.decode(locator, new int[] { 0, 0, 0, 7 }, 0)).isEqualTo(7L);
        assertThat(RegisterCodec.encode(locator, new BigInteger("18446744073709551615"), "x"))
            .containsExactly(0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF);
        assertThatThrownBy(() -> RegisterCodec.encode(locator, -1L, "x")).isInstanceOf(ModbusValueException.class);
    }

    @Test
    void readsAndWritesBinaryAsBase64() {
        ModbusLocator locator = locator("BINARY", "BIG", "BIG", Map.of("stringRegisterSize", "2"));
        assertThat(RegisterCodec.decode(locator, new int[] { 0xDEAD, 0xBEEF }, 0)).isEqualTo("3q2+7w==");
        assertThat(RegisterCodec.encode(locator, "3q2+7w==", "x")).containsExactly(0xDEAD, 0xBEEF);
        assertThat(RegisterCodec.encode(locator, "AQ==", "x")).containsExactly(0x0100, 0);
    }

    @Test
    void readsAnArrayFromConsecutiveRegistersElementByElement() {
        ModbusLocator int16s = locator("INT16", "BIG", "BIG", Map.of("elements", "3"));
        assertThat(int16s.count()).isEqualTo(3);
        assertThat(RegisterCodec.decode(int16s, new int[] { 9, 1, 0xFFFF, 2 }, -1)).isEqualTo(List.of(1L, -1L, 2L));
        ModbusLocator floats = locator("FLOAT32", "BIG", "LITTLE", Map.of("elements", "2"));
        int[] registers = RegisterCodec.encode(floats, List.of(21.5, -1.5), "x");
        assertThat(registers).containsExactly(0x0000, 0x41AC, 0x0000, 0xBFC0);
        assertThat(RegisterCodec.decode(floats, registers, 0)).isEqualTo(List.of(21.5, -1.5));
        assertThatThrownBy(() -> RegisterCodec.encode(floats, List.of(1.0), "x"))
            .hasMessageContaining("has 1 elements; its registers hold 2");
    }

    @Test
    void setsOneBitOfARegisterAndKeepsTheOthers() {
        assertThat(RegisterCodec.withBit(0b1010_0000_0000_0101, 1, true)).isEqualTo(0b1010_0000_0000_0111);
        assertThat(RegisterCodec.withBit(0b1010_0000_0000_0101, 15, false)).isEqualTo(0b0010_0000_0000_0101);
        assertThat(RegisterCodec.withBit(0xFFFF, 0, true)).isEqualTo(0xFFFF);
    }

    private static Object decode(String rawType, String byteOrder, String wordOrder, int... registers) {
        return RegisterCodec.decode(locator(rawType, byteOrder, wordOrder, Map.of()), registers, 0);
    }

    private static ModbusLocator locator(String rawType, String byteOrder, String wordOrder, Map<String, String> extra) {
        Map<String, String> attributes = new HashMap<>(Map.of("primaryTable", "HOLDING_REGISTERS",
                "startingAddress", "0", "rawType", rawType, "byteOrder", byteOrder, "wordOrder", wordOrder));
        attributes.putAll(extra);
        ModbusLocator.Kind kind = switch (rawType) {
            case "STRING" -> ModbusLocator.Kind.STRING;
            case "BINARY" -> ModbusLocator.Kind.BINARY;
            default -> ModbusLocator.Kind.NUMBER;
        };
        return ModbusLocator.parse("x", attributes, kind, attributes.containsKey("elements"), null, true);
    }
}
