package io.edgecoord.device.profile;

import java.math.BigInteger;

/**
 * The type of a resource's value; the whole-number types carry their range. UINT64 values are JSON
 * numbers held exactly (a {@link BigInteger} past {@code Long.MAX_VALUE}), BINARY values base64
 * strings, and each {@code *_ARRAY} type a JSON array of its element type.
 */
public enum ValueType {
    BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT32, FLOAT64, STRING, BINARY, OBJECT,
    BOOL_ARRAY(BOOL), INT8_ARRAY(INT8), INT16_ARRAY(INT16), INT32_ARRAY(INT32), INT64_ARRAY(INT64),
    UINT8_ARRAY(UINT8), UINT16_ARRAY(UINT16), UINT32_ARRAY(UINT32), UINT64_ARRAY(UINT64), FLOAT32_ARRAY(FLOAT32),
    FLOAT64_ARRAY(FLOAT64);

    /** The largest UINT64: 2^64 − 1. */
    static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final ValueType element;

    ValueType() {
        this.element = null;
    }

    ValueType(ValueType element) {
        this.element = element;
    }

    /** Whether values are JSON arrays of {@link #element()}. */
    public boolean array() {
        return this.element != null;
    }

    /** The type of one element: an array's element type, or this type itself. */
    public ValueType element() {
        return (this.element != null) ? this.element : this;
    }

    /** Whether a value (not an array) is a number. */
    public boolean numeric() {
        return integral() || this == FLOAT32 || this == FLOAT64;
    }

    /** Whether a value (not an array) is a whole number. */
    public boolean integral() {
        return switch (this) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 -> true;
            default -> false;
        };
    }

    /** The smallest value of a whole-number type. */
    public BigInteger min() {
        return switch (this) {
            case INT8 -> BigInteger.valueOf(Byte.MIN_VALUE);
            case INT16 -> BigInteger.valueOf(Short.MIN_VALUE);
            case INT32 -> BigInteger.valueOf(Integer.MIN_VALUE);
            case UINT8, UINT16, UINT32, UINT64 -> BigInteger.ZERO;
            default -> BigInteger.valueOf(Long.MIN_VALUE);
        };
    }

    /** The largest value of a whole-number type. */
    public BigInteger max() {
        return switch (this) {
            case INT8 -> BigInteger.valueOf(Byte.MAX_VALUE);
            case INT16 -> BigInteger.valueOf(Short.MAX_VALUE);
            case INT32 -> BigInteger.valueOf(Integer.MAX_VALUE);
            case UINT8 -> BigInteger.valueOf(255);
            case UINT16 -> BigInteger.valueOf(65535);
            case UINT32 -> BigInteger.valueOf(0xFFFFFFFFL);
            case UINT64 -> UINT64_MAX;
            default -> BigInteger.valueOf(Long.MAX_VALUE);
        };
    }
}
