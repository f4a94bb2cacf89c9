package io.edgecoord.device.registry;

/** Whether an admin lets the device be polled and commanded. */
public enum AdminState {
    UNLOCKED, LOCKED
}
