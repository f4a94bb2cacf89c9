package io.edgecoord.device;

/** The type of a resource's value; the whole-number types carry their range. */
enum ValueType {
    BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, FLOAT32, FLOAT64, STRING, OBJECT;

    boolean numeric() {
        return integral() || this == FLOAT32 || this == FLOAT64;
    }

    boolean integral() {
        return switch (this) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32 -> true;
            case BOOL, FLOAT32, FLOAT64, STRING, OBJECT -> false;
        };
    }

    /** The smallest value of a whole-number type. */
    long min() {
        return switch (this) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case UINT8, UINT16, UINT32 -> 0;
            default -> Long.MIN_VALUE;
        };
    }

    /** The largest value of a whole-number type. */
    long max() {
        return switch (this) {
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            case UINT8 -> 255;
            case UINT16 -> 65535;
            case UINT32 -> 0xFFFFFFFFL;
            default -> Long.MAX_VALUE;
        };
    }
}
