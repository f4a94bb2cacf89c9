package io.edgecoord.device.polling;

/** Where a read runs: the normal polling lane, the recovery lane of OFFLINE devices, or on demand. */
public enum Lane {
    NORMAL, RECOVERY, ON_DEMAND;

    String tag() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
