package io.edgecoord.device.polling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One fair (FIFO) gate per link, so at most {@code maxInFlightPerLink} requests reach one link at
 * once (a serial bus, a gateway that answers one request at a time). A waiter gives up at its
 * own deadline rather than run late.
 */
final class LinkGates {

    private final Map<String, Semaphore> gates = new ConcurrentHashMap<>();

    private final int permits;

    LinkGates(int permits) {
        this.permits = permits;
    }

    /** Enters the link's gate, waiting at most {@code waitNanos}; false if the wait ran out. */
    boolean enter(String linkId, long waitNanos) throws InterruptedException {
        Semaphore gate = this.gates.computeIfAbsent(linkId, (id) -> new Semaphore(this.permits, true));
        return gate.tryAcquire(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
    }

    void leave(String linkId) {
        this.gates.get(linkId).release();
    }

    /** Requests waiting at the link's gate. */
    int waiting(String linkId) {
        Semaphore gate = this.gates.get(linkId);
        return (gate != null) ? gate.getQueueLength() : 0;
    }
}
