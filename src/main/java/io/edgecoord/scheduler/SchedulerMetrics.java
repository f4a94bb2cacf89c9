package io.edgecoord.scheduler;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/** The scheduler's meters: queue wait, queue length by task, calls refused and expired. */
final class SchedulerMetrics {

    private final Timer queueWait;
    private final Counter queueFull;
    private final Counter taskQueueFull;
    private final Counter exceedsBudget;
    private final Counter expired;
    /**
     * A row for each task with calls waiting, and for up to {@link #IDLE_ROWS} that had some (at 0),
     * so that the tag's values stay bounded while a queue that empties and fills on every call
     * does not register its row again each time.
     */
    private final MultiGauge queueLength;

    static final int IDLE_ROWS = 64;

    /** Guarded by this. */
    private final Map<String, AtomicInteger> lengths = new HashMap<>();

    SchedulerMetrics(MeterRegistry meters, Supplier<Number> queued, Supplier<Number> running) {
        this.queueWait = Timer.builder("edgecoord.queue.wait").publishPercentileHistogram()
                .description("Time from accepting a call to handing it to the resource manager").register(meters);
        this.queueFull = rejections(meters, "queue-full");
        this.taskQueueFull = rejections(meters, "task-queue-full");
        this.exceedsBudget = rejections(meters, "exceeds-budget");
        this.expired = Counter.builder("edgecoord.invocations.expired")
                .description("Calls whose deadline passed while they were queued").register(meters);
        this.queueLength = MultiGauge.builder("edgecoord.queue.length")
                .description("Calls waiting, by task").register(meters);
        Gauge.builder("edgecoord.queue.depth", queued).description("Calls waiting for an environment")
                .register(meters);
        Gauge.builder("edgecoord.invocations.running", running).description("Calls running now").register(meters);
    }

    private static Counter rejections(MeterRegistry meters, String reason) {
        return Counter.builder("edgecoord.invocations.rejected").tag("reason", reason)
                .description("Calls refused before anything was recorded, by reason").register(meters);
    }

    void refused(TaskQueues.Refusal refusal) {
        (refusal == TaskQueues.Refusal.QUEUE_FULL ? queueFull : taskQueueFull).increment();
    }

    /** A call that could never fit the budget was refused. */
    void overBudget() {
        exceedsBudget.increment();
    }

    void expired() {
        expired.increment();
    }

    void waited(Duration wait) {
        queueWait.record(wait);
    }

    /** The queue's length by task changed; called in order of the changes. */
    synchronized void queued(Map<String, Integer> byTask) {
        boolean added = false;
        for (Map.Entry<String, Integer> waiting : byTask.entrySet()) {
            AtomicInteger length = lengths.get(waiting.getKey());
            if (length == null) {
                lengths.put(waiting.getKey(), new AtomicInteger(waiting.getValue()));
                added = true;
            }
            else {
                length.set(waiting.getValue());
            }
        }
        lengths.forEach((task, length) -> {
            if (!byTask.containsKey(task)) {
                length.set(0);
            }
        });
        boolean tooManyIdle = lengths.size() > byTask.size() + IDLE_ROWS;
        if (tooManyIdle) {
            lengths.keySet().retainAll(byTask.keySet());
        }
        if (added || tooManyIdle) {
            queueLength.register(lengths.entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of("task", e.getKey()), e.getValue(), AtomicInteger::get))
                    .toList(), true);
        }
    }
}
