package io.edgecoord.device;

/** Whether an admin lets the device be polled and commanded. */
enum AdminState {
    UNLOCKED, LOCKED
}
