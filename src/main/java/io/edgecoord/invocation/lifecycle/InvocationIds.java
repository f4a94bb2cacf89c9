package io.edgecoord.invocation.lifecycle;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * New invocation ids: UUIDs of version 7 (RFC 9562), whose first 48 bits are the time in
 * milliseconds and whose text therefore sorts by creation. A random id (version 4) put each new
 * record at a random place of the id's index, so that every batch rewrote as many of the index's
 * pages as it carried calls (H2 rewrites a changed page whole, into the next chunk, and compacts the
 * old ones later); ids that grow are appended to one. Unique within this process: within one
 * millisecond the 12 bits after the version count up (running ahead of the clock if ever needed),
 * and 62 random bits follow, so ids from processes sharing a database do not collide either.
 * Thread-safe.
 */
final class InvocationIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    /** The last id's milliseconds and counter, as {@code millis << 12 | counter}. */
    private final AtomicLong last = new AtomicLong();

    InvocationIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        long stamp = last.updateAndGet(previous -> Math.max(clock.millis() << 12, previous + 1));
        long high = (stamp >>> 12) << 16 | 0x7000L | (stamp & 0xFFFL);
        long low = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
