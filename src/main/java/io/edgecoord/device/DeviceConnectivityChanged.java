package io.edgecoord.device;

import java.time.Instant;

/**
 * A device's connectivity status changed; published once per transition.
 *
 * @param device the device's name
 * @param status the new status
 * @param previous the status before
 * @param reason why: {@code FIRST_CONTACT}, {@code FAILURES}, {@code RECOVERED}, {@code LOCKED},
 *     {@code UNLOCKED}
 * @param consecutiveFailures failures in a row when it changed
 * @param at when it changed
 */
public record DeviceConnectivityChanged(String device, ConnectivityStatus status, ConnectivityStatus previous,
        String reason, int consecutiveFailures, Instant at) {
}
