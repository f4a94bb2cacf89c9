package io.edgecoord.device.modbus;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns registers into a resource's raw value and back. A register arrives as two bytes, high
 * byte first; {@code byteSwap} reverses the two bytes of each register and {@code wordSwap} the
 * order of the registers, so all four orders of a 32-bit value (ABCD, BADC, CDAB, DCBA) are
 * covered. Integers come out as {@link Long}, floats as {@link Double}, strings with trailing NULs
 * removed. Pure.
 */
public final class RegisterCodec {

    private RegisterCodec() {
    }

    /**
     * The value of a register resource.
     * @param locator the resource's place and encoding
     * @param registers 16-bit registers (0–65535) of a read starting at {@code first}
     * @param first the address of {@code registers[0]}
     */
    public static Object decode(ModbusLocator locator, int[] registers, int first) {
        int from = locator.address() - first;
        if (locator.rawType() == RawType.BOOL) {
            return ((registers[from] >> locator.bit()) & 1) == 1;
        }
        ByteBuffer bytes = ByteBuffer.allocate(locator.count() * 2);
        for (int i = 0; i < locator.count(); i++) {
            int index = locator.wordSwap() ? from + locator.count() - 1 - i : from + i;
            int register = registers[index];
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
            case FLOAT32 -> (double) bytes.getFloat();
            case FLOAT64 -> bytes.getDouble();
            case STRING -> string(bytes);
            case BOOL -> throw new IllegalStateException("BOOL handled above");
        };
    }

    /** The registers to write for a raw value: a whole number, a number, or a string. */
    public static int[] encode(ModbusLocator locator, Object raw, String resource) {
        ByteBuffer bytes = ByteBuffer.allocate(locator.count() * 2);
        switch (locator.rawType()) {
            case INT16 -> bytes.putShort((short) whole(raw, -32768, 32767, locator, resource));
            case UINT16 -> bytes.putShort((short) whole(raw, 0, 65535, locator, resource));
            case INT32 -> bytes.putInt((int) whole(raw, Integer.MIN_VALUE, Integer.MAX_VALUE, locator, resource));
            case UINT32 -> bytes.putInt((int) whole(raw, 0, 0xFFFFFFFFL, locator, resource));
            case INT64 -> bytes.putLong(whole(raw, Long.MIN_VALUE, Long.MAX_VALUE, locator, resource));
            case FLOAT32 -> bytes.putFloat(((Number) raw).floatValue());
            case FLOAT64 -> bytes.putDouble(((Number) raw).doubleValue());
            case STRING -> {
                byte[] text = ((String) raw).getBytes(StandardCharsets.UTF_8);
                if (text.length > bytes.capacity()) {
                    throw new ModbusValueException("Value of '" + resource + "' takes " + text.length
                            + " bytes, more than its " + locator.count() + " registers hold.");
                }
                bytes.put(text);
            }
            case BOOL -> throw new IllegalStateException("a BOOL is a coil; register bits are read-only");
        }
        int[] registers = new int[locator.count()];
        for (int i = 0; i < locator.count(); i++) {
            int high = bytes.get(i * 2) & 0xFF;
            int low = bytes.get(i * 2 + 1) & 0xFF;
            int register = locator.byteSwap() ? (low << 8) | high : (high << 8) | low;
            registers[locator.wordSwap() ? locator.count() - 1 - i : i] = register;
        }
        return registers;
    }

    private static long whole(Object raw, long min, long max, ModbusLocator locator, String resource) {
        BigInteger value = (raw instanceof Long || raw instanceof Integer) ? BigInteger.valueOf(((Number) raw).longValue())
                : BigInteger.valueOf(Math.round(((Number) raw).doubleValue()));
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ModbusValueException("Value of '" + resource + "' is " + value + " in its registers, outside "
                    + locator.rawType() + " [" + min + ", " + max + "].");
        }
        return value.longValue();
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
