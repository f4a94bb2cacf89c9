package io.edgecoord.device.opcua;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;

/**
 * Holds back the test server's answers to Read requests that name a slow node, without blocking
 * the server's threads (the answer is sent later from a timer), and counts the Read requests the
 * server is answering at once, so a test sees what reached the server rather than what the
 * client believes it sent.
 */
final class SlowOpcUaReads {

    private final Map<String, Long> delays = new ConcurrentHashMap<>();

    private final AtomicInteger inFlight = new AtomicInteger();

    private final AtomicInteger maxInFlight = new AtomicInteger();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
        .name("opcua-slow-reads")
        .daemon()
        .factory());

    /** From now on a Read naming this node (its string identifier, such as {@code Name}) is answered after {@code millis}. */
    void delay(String node, long millis) {
        this.delays.put(node, millis);
    }

    /** Answers a Read of these nodes, at once or after the slowest named node's delay. */
    void read(List<ReadValueId> ids, Runnable answer) {
        long delay = ids.stream()
            .mapToLong((id) -> this.delays.getOrDefault(String.valueOf(id.getNodeId().getIdentifier()), 0L))
            .max()
            .orElse(0);
        this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
        Runnable done = () -> {
            try {
                answer.run();
            }
            finally {
                this.inFlight.decrementAndGet();
            }
        };
        if (delay == 0) {
            done.run();
        }
        else {
            this.timer.schedule(done, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** The most Read requests of the test's namespace the server was answering at one time. */
    int maxInFlight() {
        return this.maxInFlight.get();
    }

    void close() {
        this.timer.shutdownNow();
    }
}
