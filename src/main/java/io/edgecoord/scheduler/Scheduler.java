package io.edgecoord.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import io.edgecoord.execution.ExecutionResult;
import io.edgecoord.execution.PoolSnapshot;
import io.edgecoord.execution.ResourceManager;

/**
 * Takes every call, queues it, and starts calls when the {@link DispatchPolicy} says so: one
 * dispatcher thread makes the decisions, each started call runs on its own virtual thread
 * through the {@link ResourceManager}.
 *
 * <p>Thread-safe. {@link #submit} never blocks; it refuses with {@link QueueFullException}.
 */
@Service
public class Scheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private final ResourceManager resourceManager;
    private final SchedulerProperties properties;
    private final DispatchPolicy policy;
    private final Clock clock;
    private final Timer queueWait;
    private final Counter queueFull;
    /** Only tasks with calls waiting have a row, so the tag's values stay bounded. */
    private final MultiGauge queueLength;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<ScheduledCall> queue = new ArrayList<>();
    private int running;
    private volatile Thread dispatcher;

    Scheduler(ResourceManager resourceManager, SchedulerProperties properties, MeterRegistry meters, Clock clock) {
        this.resourceManager = resourceManager;
        this.properties = properties;
        this.policy = new FifoDispatchPolicy(properties.maxConcurrent());
        this.clock = clock;
        this.queueWait = Timer.builder("edgecoord.queue.wait").publishPercentileHistogram()
                .description("Time from accepting a call to handing it to the resource manager").register(meters);
        this.queueFull = Counter.builder("edgecoord.invocations.rejected").tag("reason", "queue-full")
                .description("Calls refused before anything was recorded, by reason").register(meters);
        this.queueLength = MultiGauge.builder("edgecoord.queue.length")
                .description("Calls waiting, by task").register(meters);
        Gauge.builder("edgecoord.queue.depth", this, Scheduler::queueDepth)
                .description("Calls waiting for an environment").register(meters);
        Gauge.builder("edgecoord.invocations.running", this, Scheduler::runningCount)
                .description("Calls running now").register(meters);
    }

    /** Queues a call. @throws QueueFullException when the queue is at its limit */
    public void submit(ScheduledCall call) {
        lock.lock();
        try {
            if (queue.size() >= properties.maxQueueLength()) {
                queueFull.increment();
                throw new QueueFullException(properties.maxQueueLength());
            }
            queue.add(call);
            queueChanged();
            changed.signal();
        }
        finally {
            lock.unlock();
        }
    }

    /** What {@link #cancel} did. */
    public enum Cancellation {
        /** It was queued: it is out of the queue and its observer was told it ended, cancelled. */
        DEQUEUED,
        /** It was running: its environment is being stopped; its observer hears when it has. */
        STOPPING,
        /** The scheduler does not hold it: it ended, or waits for a retry elsewhere. */
        UNKNOWN
    }

    /** Cancels a call: takes it out of the queue, or stops it where it runs. */
    public Cancellation cancel(String invocationId, String reason) {
        ScheduledCall found = null;
        lock.lock();
        try {
            for (ScheduledCall call : queue) {
                if (call.request().invocationId().equals(invocationId)) {
                    found = call;
                    break;
                }
            }
            if (found != null) {
                queue.remove(found);
                queueChanged();
            }
        }
        finally {
            lock.unlock();
        }
        if (found == null) {
            return resourceManager.stop(invocationId, reason) ? Cancellation.STOPPING : Cancellation.UNKNOWN;
        }
        found.observer().outputClosed();
        found.observer().finished(ExecutionResult.notStarted(new ExecutionResult.Cancelled(reason)));
        return Cancellation.DEQUEUED;
    }

    /** How many calls wait now. */
    public int queueDepth() {
        lock.lock();
        try {
            return queue.size();
        }
        finally {
            lock.unlock();
        }
    }

    /** The queues, what runs, the limits and the pool, as they are now. */
    SchedulerSnapshot snapshot() {
        PoolSnapshot pool = resourceManager.poolSnapshot();
        lock.lock();
        try {
            return SchedulerSnapshot.of(queue, running, properties, pool);
        }
        finally {
            lock.unlock();
        }
    }

    /** Called under the lock, so that the gauge's rows follow the queue's changes in order. */
    private void queueChanged() {
        queueLength.register(SchedulerSnapshot.queuedByTask(queue).entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("task", e.getKey()), e.getValue()))
                .toList(), true);
    }

    private int runningCount() {
        lock.lock();
        try {
            return running;
        }
        finally {
            lock.unlock();
        }
    }

    private void dispatchLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            List<ScheduledCall> starting;
            lock.lock();
            try {
                starting = List.copyOf(policy.select(queue, running));
                if (starting.isEmpty()) {
                    changed.await();
                    continue;
                }
                queue.removeAll(starting);
                running += starting.size();
                queueChanged();
            }
            catch (InterruptedException ex) {
                return;
            }
            finally {
                lock.unlock();
            }
            starting.forEach(call -> queueWait.record(Duration.between(call.acceptedAt(), clock.instant())));
            starting.forEach(call -> Thread.ofVirtual().name("edgecoord-invocation-" + call.request().invocationId())
                    .start(() -> run(call)));
        }
    }

    private void run(ScheduledCall call) {
        ExecutionResult result;
        try {
            result = resourceManager.execute(call.request(), call.observer());
        }
        catch (RuntimeException ex) {
            log.error("Invocation {} failed in the coordinator", call.request().invocationId(), ex);
            result = ExecutionResult.notStarted(new ExecutionResult.CoordinatorFailed("Coordinator.InternalError",
                    "the coordinator failed to run the invocation: " + ex.getMessage()));
        }
        finally {
            lock.lock();
            try {
                running--;
                changed.signal();
            }
            finally {
                lock.unlock();
            }
        }
        call.observer().finished(result);
    }

    @Override
    public void start() {
        dispatcher = Thread.ofPlatform().daemon().name("edgecoord-dispatcher").start(this::dispatchLoop);
    }

    @Override
    public void stop() {
        Thread thread = dispatcher;
        if (thread != null) {
            thread.interrupt();
        }
        dispatcher = null;
    }

    @Override
    public boolean isRunning() {
        return dispatcher != null;
    }

    /** Starts after the resource manager and before the web server; stops in reverse. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 3072;
    }
}
