package io.edgecoord.device;

/** Whether a device answers, derived only from the outcomes of its polls. */
public enum ConnectivityStatus {
    UNKNOWN, ONLINE, OFFLINE
}
