package io.edgecoord.mqtt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recognises the coordinator's own messages coming back from a broker it is a client of. MQTT 3.1.1
 * has no "no local" subscription option, so a client subscribed to a topic it publishes on hears
 * itself; this remembers each message published on a topic a subscription matches (topic and
 * payload digest), and the first equal message to arrive within {@code window} is taken as its echo.
 * Should a client publish the very same bytes on the same topic before the echo arrives, that one
 * is held back instead and the echo handed on: listeners see the same messages either way.
 * Thread-safe.
 */
final class OwnEchoes {

    /** Past this many expected echoes (lost QoS 0 ones, say) the oldest memory is forgotten. */
    static final int MAX_EXPECTED = 10_000;

    private final Clock clock;
    private final Duration window;
    private final Map<String, Deque<Instant>> expected = new ConcurrentHashMap<>();

    OwnEchoes(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /** Remembers one message the coordinator published. */
    void expect(String topic, byte[] payload) {
        if (expected.size() >= MAX_EXPECTED) {
            expected.clear();
        }
        expected.compute(key(topic, payload), (k, times) -> {
            Deque<Instant> deque = (times != null) ? times : new ArrayDeque<>();
            deque.addLast(clock.instant());
            return deque;
        });
    }

    /** Whether this arriving message is an echo of one the coordinator published (forgetting it). */
    boolean isEcho(String topic, byte[] payload) {
        boolean[] echo = { false };
        Instant oldest = clock.instant().minus(window);
        expected.computeIfPresent(key(topic, payload), (k, times) -> {
            while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
                times.removeFirst();
            }
            echo[0] = times.pollFirst() != null;
            return times.isEmpty() ? null : times;
        });
        return echo[0];
    }

    private static String key(String topic, byte[] payload) {
        try {
            return topic + '\0' + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }
}
