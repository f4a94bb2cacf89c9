package io.edgecoord.device;

/** Where a read runs: the normal polling lane, the recovery lane of OFFLINE devices, or on demand. */
enum Lane {
    NORMAL, RECOVERY, ON_DEMAND;

    String tag() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
