package io.edgecoord.device.polling;

import java.nio.charset.StandardCharsets;

import io.edgecoord.device.ConnectivityStatus;

/**
 * The poller's scheduling decisions as pure functions over monotonic nanoseconds: the stable
 * per-device offset, the start jitter bound, the next tick of a fixed-rate schedule, and the
 * back-off of recovery probes. No clock is read here; callers pass {@code now} and randomness in.
 */
final class PollTiming {

    private PollTiming() {
    }

    /** A stable offset in {@code [0, interval)} from the device's name, the same after every restart. */
    static long offset(String name, long intervalNanos) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        // SplitMix64's finaliser, so names that differ in one digit land far apart.
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        hash = hash ^ (hash >>> 31);
        return Math.floorMod(hash, intervalNanos);
    }

    /** Jitter is drawn from {@code [0, min(10 % of interval, jitterMax))}. */
    static long jitterBound(long intervalNanos, long jitterMaxNanos) {
        return Math.min(intervalNanos / 10, jitterMaxNanos);
    }

    /** The first tick of a schedule started at {@code now}; {@code random} in {@code [0, 1)}. */
    static long firstTick(long now, String name, long intervalNanos, long jitterMaxNanos, double random) {
        return now + offset(name, intervalNanos) + (long) (random * jitterBound(intervalNanos, jitterMaxNanos));
    }

    /**
     * The tick after the one scheduled at {@code previous}: {@code previous + interval}, anchored so
     * the schedule never drifts. When the timer fell a whole interval or more behind (a paused
     * process, a stalled host), the ticks in between are dropped and counted, never run in a burst.
     */
    static NextTick next(long previous, long intervalNanos, long now) {
        long next = previous + intervalNanos;
        if (now - next < intervalNanos) {
            return new NextTick(next, 0);
        }
        long missed = (now - next) / intervalNanos;
        return new NextTick(next + missed * intervalNanos, missed);
    }

    /** The first tick at or after {@code now} on the grid {@code anchor + k × interval}, to resume after recovery. */
    static long nextOnGrid(long anchor, long intervalNanos, long now) {
        if (now <= anchor) {
            return anchor;
        }
        long periods = (now - anchor + intervalNanos - 1) / intervalNanos;
        return anchor + periods * intervalNanos;
    }

    /**
     * The wait before recovery probe {@code attempt} (from 0): full jitter over
     * {@code min(max, base × 2^attempt)}; {@code random} in {@code [0, 1)}.
     */
    static long backoff(int attempt, long baseNanos, long maxNanos, double random) {
        long cap = (attempt >= 62 || baseNanos > (maxNanos >> Math.min(attempt, 62))) ? maxNanos
                : Math.min(maxNanos, baseNanos << attempt);
        return (long) (random * cap);
    }

    /** What a normal-lane tick does: move an OFFLINE device to the recovery lane, skip an overrun, or poll. */
    static TickDecision decide(ConnectivityStatus status, boolean previousPollRunning) {
        if (status == ConnectivityStatus.OFFLINE) {
            return TickDecision.TO_RECOVERY;
        }
        return previousPollRunning ? TickDecision.SKIP_OVERRUN : TickDecision.POLL;
    }

    /** The outcomes of {@link #decide}. */
    enum TickDecision {
        POLL, SKIP_OVERRUN, TO_RECOVERY
    }

    /**
     * When a scheduled tick comes due.
     *
     * @param at the tick's scheduled time, monotonic nanoseconds
     * @param missed whole ticks dropped before it
     */
    record NextTick(long at, long missed) {
    }
}
