package io.edgecoord.device.modbus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where one resource lives on a Modbus device and how it is encoded, from the resource's
 * attributes: {@code primaryTable}, {@code startingAddress} (0-based), {@code rawType},
 * {@code byteOrder} and {@code wordOrder} ({@code BIG} by default, or EdgeX's {@code isByteSwap}
 * and {@code isWordSwap}), {@code bit} (0–15, a BOOL inside a register) and
 * {@code stringRegisterSize} (the registers of a STRING or BINARY) and {@code elements} (the
 * elements of an array, held one after another: registers of the raw type, or bits).
 *
 * @param table the data table
 * @param address the first register or bit, 0-based
 * @param rawType how the registers encode the value
 * @param byteSwap the two bytes of each register are low byte first
 * @param wordSwap the registers of a multi-register value are low word first
 * @param bit the bit of a register holding a BOOL, or -1
 * @param count registers (or bits) the resource takes
 * @param elements the elements of an array value, or 0 for a single value
 */
public record ModbusLocator(ModbusTable table, int address, RawType rawType, boolean byteSwap, boolean wordSwap,
        int bit, int count, int elements) {

    /** The attributes the binding reads; any other is refused, so a typo does not pass silently. */
    public static final Set<String> ATTRIBUTES = Set.of("primaryTable", "startingAddress", "rawType", "byteOrder",
            "wordOrder", "isByteSwap", "isWordSwap", "bit", "stringRegisterSize", "elements");

    /** What the profile says the resource's value is. */
    public enum Kind {
        NUMBER, BOOL, STRING, BINARY
    }

    /**
     * The locator of a resource.
     * @param resource its name, for messages
     * @param attributes its attributes
     * @param kind its value's kind (an array's: its elements')
     * @param array whether the value is an array of {@code kind}
     * @param defaultRawType the raw type when {@code rawType} is absent, or null if it must be given
     * @param writable whether the profile lets clients write it
     * @throws ModbusAttributeException naming the attribute at fault
     */
    public static ModbusLocator parse(String resource, Map<String, String> attributes, Kind kind, boolean array,
            RawType defaultRawType, boolean writable) {
        String where = "resource '" + resource + "': attributes.";
        Set<String> unknown = new TreeSet<>(attributes.keySet());
        unknown.removeAll(ATTRIBUTES);
        if (!unknown.isEmpty()) {
            throw new ModbusAttributeException(where + unknown.iterator().next()
                    + " is not a Modbus attribute; known are " + new TreeSet<>(ATTRIBUTES));
        }
        String tableText = attributes.get("primaryTable");
        check(tableText != null, where + "primaryTable is required (HOLDING_REGISTERS, INPUT_REGISTERS, COILS or "
                + "DISCRETE_INPUTS)");
        ModbusTable table = named(ModbusTable.class, tableText, where + "primaryTable");
        int address = number(attributes.get("startingAddress"), 0, 65535, where + "startingAddress", true);
        RawType rawType = (attributes.get("rawType") != null)
                ? named(RawType.class, attributes.get("rawType"), where + "rawType")
                : (table.registers() ? defaultRawType : RawType.BOOL);
        check(rawType != null, where + "rawType is required for a " + kind + " in " + table);
        check(table.registers() || rawType == RawType.BOOL, where + "rawType of a " + table + " resource is BOOL");
        check(switch (kind) {
            case BOOL -> rawType == RawType.BOOL;
            case STRING -> rawType == RawType.STRING;
            case BINARY -> rawType == RawType.BINARY;
            case NUMBER -> rawType.integral() || rawType.floating();
        }, where + "rawType " + rawType + " does not fit a " + kind + " value");
        check(!writable || table.writable(), where + "primaryTable " + table + " is read-only, but the resource is writable");
        int bit = number(attributes.get("bit"), 0, 15, where + "bit", false);
        check(bit < 0 || table.registers(), where + "bit applies to registers only");
        check(!(table.registers() && rawType == RawType.BOOL) || bit >= 0,
                where + "bit is required for a BOOL held in a register");
        int count = rawType.registers();
        if (rawType == RawType.STRING || rawType == RawType.BINARY) {
            count = number(attributes.get("stringRegisterSize"), 1, 125, where + "stringRegisterSize", true);
        }
        else if (!table.registers()) {
            count = 1;
        }
        int elements = number(attributes.get("elements"), 1, table.maxPerRead(), where + "elements", array);
        check(elements < 0 || array, where + "elements applies to array value types only");
        check(!array || bit < 0, where + "bit cannot hold an array");
        check(!array || !table.registers() || rawType != RawType.BOOL, where + "a BOOL array lives in COILS or "
                + "DISCRETE_INPUTS, one bit an element");
        elements = Math.max(elements, 0);
        if (array) {
            count *= elements;
            check(count <= table.maxPerRead(), where + "elements: " + count + " registers are more than one request "
                    + "reads (" + table.maxPerRead() + ")");
        }
        check(address + count <= 65536, where + "startingAddress + size passes the end of the table");
        return new ModbusLocator(table, address, rawType, order(attributes, "byteOrder", "isByteSwap", where),
                order(attributes, "wordOrder", "isWordSwap", where), bit, count, elements);
    }

    /** The registers (or bits) of one element: the whole value's unless it is an array. */
    public int elementCount() {
        return (this.elements > 0) ? this.count / this.elements : this.count;
    }

    /** The first address past this resource. */
    public int end() {
        return this.address + this.count;
    }

    private static boolean order(Map<String, String> attributes, String order, String swap, String where) {
        String text = attributes.get(order);
        if (text != null) {
            check(text.equalsIgnoreCase("BIG") || text.equalsIgnoreCase("LITTLE"), where + order + " is BIG or LITTLE, not '"
                    + text + "'");
            return text.equalsIgnoreCase("LITTLE");
        }
        String swapped = attributes.get(swap);
        check(swapped == null || swapped.equalsIgnoreCase("true") || swapped.equalsIgnoreCase("false"),
                where + swap + " is true or false, not '" + swapped + "'");
        return Boolean.parseBoolean(swapped);
    }

    private static int number(String text, int min, int max, String what, boolean required) {
        if (text == null) {
            check(!required, what + " is required");
            return -1;
        }
        try {
            int value = Integer.parseInt(text.trim());
            check(value >= min && value <= max, what + " must be between " + min + " and " + max + ", not " + value);
            return value;
        }
        catch (NumberFormatException ex) {
            throw new ModbusAttributeException(what + " must be a whole number, not '" + text + "'");
        }
    }

    private static <E extends Enum<E>> E named(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new ModbusAttributeException(what + " '" + text + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new ModbusAttributeException(message);
        }
    }
}
