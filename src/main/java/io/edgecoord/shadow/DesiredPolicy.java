package io.edgecoord.shadow;

/** What happens to a desired key once the device reports the same value. */
enum DesiredPolicy {

    /** Desired keeps the key (AWS behaviour); the delta is empty for it. */
    KEEP,

    /** Desired loses the key in the same update that makes reported equal to it. */
    CLEAR_ON_CONVERGE
}
