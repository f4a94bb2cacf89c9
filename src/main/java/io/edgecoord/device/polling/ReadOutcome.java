package io.edgecoord.device.polling;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** How one read of a device ended. */
public sealed interface ReadOutcome {

    /** The device answered; values after the profile's transforms. */
    record Read(Map<String, Object> values, Set<String> changed, Instant at) implements ReadOutcome {
    }

    /** The device failed or did not answer. */
    record Failed(FailureKind kind, String message) implements ReadOutcome {
    }

    /** The read never reached the device: its link or lane stayed busy past its deadline. */
    record Skipped(PollResult reason) implements ReadOutcome {
    }
}
