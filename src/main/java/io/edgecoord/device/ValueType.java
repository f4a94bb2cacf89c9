package io.edgecoord.device;

/** The type of a resource's value. */
enum ValueType {
    BOOL, INT32, INT64, FLOAT32, FLOAT64, STRING, OBJECT;

    boolean numeric() {
        return this == INT32 || this == INT64 || this == FLOAT32 || this == FLOAT64;
    }

    boolean integral() {
        return this == INT32 || this == INT64;
    }
}
