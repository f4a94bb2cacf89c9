package io.edgecoord.mqtt;

import java.time.Duration;

/** How long a client waits before connecting again: doubling from a first wait up to a ceiling. Pure. */
final class Backoff {

    private Backoff() {
    }

    /** The wait after {@code failures} failed attempts in a row (1 = the first failure). */
    static Duration after(int failures, Duration first, Duration ceiling) {
        if (failures <= 1) {
            return min(first, ceiling);
        }
        int doublings = Math.min(failures - 1, 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return min(wait, ceiling);
    }

    private static Duration min(Duration a, Duration b) {
        return (a.compareTo(b) <= 0) ? a : b;
    }
}
