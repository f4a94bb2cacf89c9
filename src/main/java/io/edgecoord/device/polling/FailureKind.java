package io.edgecoord.device.polling;

/** Why reading or writing a device failed; decides whether the failure counts toward OFFLINE. */
public enum FailureKind {
    /** Connection refused or reset, no route: counts toward OFFLINE. */
    UNREACHABLE,
    /** No answer within the timeout: counts toward OFFLINE. */
    TIMEOUT,
    /** The device answered with an HTTP error status: counts toward OFFLINE. */
    DEVICE_ERROR,
    /** The device answered something unreadable: it is there, so counts only if configured. */
    PROTOCOL_ERROR,
    /**
     * The network policy ({@code edgecoord.device.network}) refused the address the device's host
     * is or resolves to, so no request was sent: counts toward OFFLINE, since it cannot be reached.
     */
    REFUSED,
    /** A bug of ours while polling: counts toward OFFLINE so a broken poll is visible. */
    INTERNAL;

    boolean countsTowardOffline(boolean countProtocolErrors) {
        return this != PROTOCOL_ERROR || countProtocolErrors;
    }
}
