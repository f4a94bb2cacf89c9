package io.edgecoord.device.modbus;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Turns registers into a resource's raw value and back. A register arrives as two bytes, high
 * byte first; {@code byteSwap} reverses the two bytes of each register and {@code wordSwap} the
 * order of the registers, so all four orders of a 32-bit value (ABCD, BADC, CDAB, DCBA) are
 * covered. Integers come out as {@link Long} (a UINT64 past {@code Long.MAX_VALUE} as a
 * {@link BigInteger}), floats as {@link Double}, strings with trailing NULs removed, BINARY as
 * base64 text, arrays as lists of their elements. Pure.
 */
public final class RegisterCodec {

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private RegisterCodec() {
    }

    /**
     * The value of a resource: of a register resource from its registers, of a COILS or
     * DISCRETE_INPUTS resource from its bits (0 or 1); an array's as a list of its elements.
     * @param locator the resource's place and encoding
     * @param words 16-bit registers (0–65535), or bits, of a read starting at {@code first}
     * @param first the address of {@code words[0]}
     */
    public static Object decode(ModbusLocator locator, int[] words, int first) {
        int from = locator.address() - first;
        if (locator.elements() == 0) {
            return one(locator, words, from);
        }
        List<Object> values = new ArrayList<>(locator.elements());
        for (int i = 0; i < locator.elements(); i++) {
            values.add(one(locator, words, from + i * locator.elementCount()));
        }
        return List.copyOf(values);
    }

    private static Object one(ModbusLocator locator, int[] words, int from) {
        if (!locator.table().registers()) {
            return words[from] == 1;
        }
        if (locator.rawType() == RawType.BOOL) {
            return ((words[from] >> locator.bit()) & 1) == 1;
        }
        int count = locator.elementCount();
        ByteBuffer bytes = ByteBuffer.allocate(count * 2);
        for (int i = 0; i < count; i++) {
            int index = locator.wordSwap() ? from + count - 1 - i : from + i;
            int register = words[index];
            int high = (register >> 8) & 0xFF;
            int low = register & 0xFF;
            bytes.put((byte) (locator.byteSwap() ? low : high)).put((byte) (locator.byteSwap() ? high : low));
        }
        bytes.flip();
        return switch (locator.rawType()) {
            case INT16 -> (long) bytes.getShort();
            case UINT16 -> (long) (bytes.getShort() & 0xFFFF);
            case INT32 -> (long) bytes.getInt();
            case UINT32 -> bytes.getInt() & 0xFFFFFFFFL;
            case INT64 -> bytes.getLong();
            case UINT64 -> {
                BigInteger value = new BigInteger(1, bytes.array());
                yield (value.bitLength() < 64) ? (Object) value.longValue() : value;
            }
            case FLOAT32 -> (double) bytes.getFloat();
            case FLOAT64 -> bytes.getDouble();
            case STRING -> string(bytes);
            case BINARY -> Base64.getEncoder().encodeToString(bytes.array());
            case BOOL -> throw new IllegalStateException("BOOL handled above");
        };
    }

    /**
     * The registers to write for a raw value: a whole number, a number, a string, base64 text, or
     * a list of an array's elements. Not for bits (coils, or a bit in a register).
     */
    public static int[] encode(ModbusLocator locator, Object raw, String resource) {
        if (locator.elements() == 0) {
            return encodeOne(locator, raw, resource);
        }
        List<?> values = (raw instanceof List<?> list) ? list : List.of();
        if (values.size() != locator.elements()) {
            throw new ModbusValueException("Value of '" + resource + "' has " + values.size() + " elements; its "
                    + "registers hold " + locator.elements() + ".");
        }
        int[] registers = new int[locator.count()];
        for (int i = 0; i < values.size(); i++) {
            int[] element = encodeOne(locator, values.get(i), resource);
            System.arraycopy(element, 0, registers, i * element.length, element.length);
        }
        return registers;
    }

    private static int[] encodeOne(ModbusLocator locator, Object raw, String resource) {
        int count = locator.elementCount();
        ByteBuffer bytes = ByteBuffer.allocate(count * 2);
        switch (locator.rawType()) {
            case INT16 -> bytes.putShort(whole(raw, -32768, 32767, locator, resource).shortValue());
            case UINT16 -> bytes.putShort(whole(raw, 0, 65535, locator, resource).shortValue());
            case INT32 -> bytes.putInt(whole(raw, Integer.MIN_VALUE, Integer.MAX_VALUE, locator, resource).intValue());
            case UINT32 -> bytes.putInt(whole(raw, 0, 0xFFFFFFFFL, locator, resource).intValue());
            case INT64 -> bytes.putLong(whole(raw, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE),
                    locator, resource).longValue());
            case UINT64 -> bytes.putLong(whole(raw, BigInteger.ZERO, UINT64_MAX, locator, resource).longValue());
            case FLOAT32 -> bytes.putFloat(((Number) raw).floatValue());
            case FLOAT64 -> bytes.putDouble(((Number) raw).doubleValue());
            case STRING -> put(bytes, ((String) raw).getBytes(StandardCharsets.UTF_8), locator, resource);
            case BINARY -> put(bytes, Base64.getDecoder().decode((String) raw), locator, resource);
            case BOOL -> throw new IllegalStateException("a BOOL is a coil or a bit; neither is written as registers");
        }
        int[] registers = new int[count];
        for (int i = 0; i < count; i++) {
            int high = bytes.get(i * 2) & 0xFF;
            int low = bytes.get(i * 2 + 1) & 0xFF;
            int register = locator.byteSwap() ? (low << 8) | high : (high << 8) | low;
            registers[locator.wordSwap() ? count - 1 - i : i] = register;
        }
        return registers;
    }

    /**
     * The register holding a bit, with the bit set or cleared and its other fifteen bits as they
     * were: the write half of a read-modify-write.
     */
    public static int withBit(int register, int bit, boolean on) {
        return on ? (register | (1 << bit)) & 0xFFFF : register & ~(1 << bit) & 0xFFFF;
    }

    private static void put(ByteBuffer bytes, byte[] value, ModbusLocator locator, String resource) {
        if (value.length > bytes.capacity()) {
            throw new ModbusValueException("Value of '" + resource + "' takes " + value.length
                    + " bytes, more than its " + locator.count() + " registers hold.");
        }
        bytes.put(value);
    }

    private static BigInteger whole(Object raw, long min, long max, ModbusLocator locator, String resource) {
        return whole(raw, BigInteger.valueOf(min), BigInteger.valueOf(max), locator, resource);
    }

    private static BigInteger whole(Object raw, BigInteger min, BigInteger max, ModbusLocator locator, String resource) {
        BigInteger value = switch (raw) {
            case BigInteger big -> big;
            case Long l -> BigInteger.valueOf(l);
            case Integer i -> BigInteger.valueOf(i);
            default -> BigInteger.valueOf(Math.round(((Number) raw).doubleValue()));
        };
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new ModbusValueException("Value of '" + resource + "' is " + value + " in its registers, outside "
                    + locator.rawType() + " [" + min + ", " + max + "].");
        }
        return value;
    }

    private static String string(ByteBuffer bytes) {
        byte[] all = new byte[bytes.remaining()];
        bytes.get(all);
        int end = all.length;
        while (end > 0 && all[end - 1] == 0) {
            end--;
        }
        return new String(all, 0, end, StandardCharsets.UTF_8);
    }
}
