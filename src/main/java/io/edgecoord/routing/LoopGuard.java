package io.edgecoord.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Caps chains of routed invocations, so that a task whose result routes back to itself (directly,
 * through other tasks, or through a shadow's delta) stops after {@code maxHops} invocations
 * instead of running forever. An event's hops count the routed task invocations that led to it:
 * 0 for a device's event or the result of a client's call.
 * <p>
 * The hops of invocations still running are kept in memory, at most {@value #TRACKED}; a
 * restart, or a chain longer-lived than that many routed invocations, starts counting again.
 * Shadow deltas inherit the hops of the routed update that caused them when the shadow service
 * publishes synchronously, on the delivering thread. Thread-safe.
 */
@Component
class LoopGuard {

    static final int TRACKED = 10_000;

    private static final ThreadLocal<Integer> DELIVERING = ThreadLocal.withInitial(() -> 0);

    private final Map<String, Integer> hopsByInvocation = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > TRACKED;
        }
    };

    private final int maxHops;

    LoopGuard(RoutingProperties properties) {
        this.maxHops = properties.maxHops();
    }

    /** Whether delivering an event with these hops to a task would make the chain too long. */
    boolean tooDeep(int hops) {
        return hops >= maxHops;
    }

    /** Remembers that a routed invocation runs at this depth. */
    synchronized void invoked(String invocationId, int hops) {
        hopsByInvocation.put(invocationId, hops);
    }

    /** Forgets a finished invocation and answers its hops: those of its result. */
    synchronized int completed(String invocationId) {
        Integer hops = hopsByInvocation.remove(invocationId);
        return hops == null ? 0 : hops;
    }

    /** Runs a delivery so that events it publishes synchronously inherit its hops. */
    <T> T delivering(int hops, Supplier<T> delivery) {
        DELIVERING.set(hops);
        try {
            return delivery.get();
        }
        finally {
            DELIVERING.remove();
        }
    }

    /** The hops of the delivery running on this thread; 0 outside one. */
    static int current() {
        return DELIVERING.get();
    }
}
