package io.edgecoord.device.polling;

import java.time.Instant;
import java.util.Optional;

import io.edgecoord.device.ConnectivityStatus;

/**
 * A device's connectivity and the pure state machine that moves it. UNKNOWN or ONLINE become
 * OFFLINE after {@code offlineAfter} counted failures in a row; UNKNOWN or OFFLINE become ONLINE
 * on the first success. Failures that do not count (an unreadable answer proves the device is
 * there) only set {@code lastError}.
 *
 * @param status the current status
 * @param since when the status last changed
 * @param lastSeenAt when the device last answered at all
 * @param lastSuccessAt when a read last succeeded
 * @param lastFailureAt when a read last failed
 * @param lastError the last failure, kept after recovery for diagnosis
 * @param consecutiveFailures counted failures since the last success
 */
public record Connectivity(ConnectivityStatus status, Instant since, Instant lastSeenAt, Instant lastSuccessAt,
        Instant lastFailureAt, LastError lastError, int consecutiveFailures) {

    public static Connectivity unknown(Instant at) {
        return new Connectivity(ConnectivityStatus.UNKNOWN, at, null, null, null, null, 0);
    }

    /** After a successful read. */
    public Step succeeded(Instant at) {
        Connectivity next = new Connectivity(ConnectivityStatus.ONLINE, this.since, at, at, this.lastFailureAt,
                this.lastError, 0);
        return switch (this.status) {
            case ONLINE -> new Step(next, Optional.empty());
            case UNKNOWN -> next.moveTo(ConnectivityStatus.ONLINE, this.status, "FIRST_CONTACT", at);
            case OFFLINE -> next.moveTo(ConnectivityStatus.ONLINE, this.status, "RECOVERED", at);
        };
    }

    /** After a failed read; {@code counts} says whether this kind of failure counts toward OFFLINE. */
    Step failed(Instant at, LastError error, boolean counts, int offlineAfter) {
        if (!counts) {
            return new Step(new Connectivity(this.status, this.since, at, this.lastSuccessAt, at, error,
                    this.consecutiveFailures), Optional.empty());
        }
        int failures = this.consecutiveFailures + 1;
        Connectivity next = new Connectivity(this.status, this.since, this.lastSeenAt, this.lastSuccessAt, at, error,
                failures);
        if (this.status != ConnectivityStatus.OFFLINE && failures >= offlineAfter) {
            return next.moveTo(ConnectivityStatus.OFFLINE, this.status, "FAILURES", at);
        }
        return new Step(next, Optional.empty());
    }

    /** An MQTT device fell silent or left its last will ({@code reason}): OFFLINE, once. */
    public Step wentSilent(Instant at, String reason) {
        if (this.status == ConnectivityStatus.OFFLINE) {
            return new Step(this, Optional.empty());
        }
        return moveTo(ConnectivityStatus.OFFLINE, this.status, reason, at);
    }

    private Step moveTo(ConnectivityStatus to, ConnectivityStatus from, String reason, Instant at) {
        Connectivity moved = new Connectivity(to, at, this.lastSeenAt, this.lastSuccessAt, this.lastFailureAt,
                this.lastError, this.consecutiveFailures);
        return new Step(moved, Optional.of(new Transition(from, to, reason)));
    }

    /** An admin-facing view of a failure; {@code code} is a {@link FailureKind} name. */
    public record LastError(String code, String message) {
    }

    /** The state after an outcome, and the transition it caused, if any. */
    public record Step(Connectivity connectivity, Optional<Transition> transition) {
    }

    /** A change of status and why. */
    public record Transition(ConnectivityStatus from, ConnectivityStatus to, String reason) {
    }
}
