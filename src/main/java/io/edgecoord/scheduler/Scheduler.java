package io.edgecoord.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import io.edgecoord.execution.ExceedsBudgetException;
import io.edgecoord.execution.ExecutionResult;
import io.edgecoord.execution.PoolView;
import io.edgecoord.execution.ResourceManager;

/**
 * Takes every call into its task's queue and starts calls when resources allow. One dispatcher
 * thread decides: it expires calls whose deadline passed, orders the queues by priority and
 * weighted fair share ({@link FairShare}), has the {@link ResourceManager} place what fits
 * ({@link io.edgecoord.execution.Placement}), starts each placed call on its own virtual thread,
 * and lets the resource manager prewarm with what is left. It decides again whenever a call
 * arrives or ends and whenever the pool frees something.
 *
 * <p>Thread-safe. {@link #submit} never blocks; it refuses with {@link QueueFullException}.
 */
@Service
public class Scheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    /** The longest the dispatcher sleeps without news: prewarm back-offs end on their own. */
    private static final Duration IDLE_TICK = Duration.ofSeconds(1);

    private final ResourceManager resourceManager;
    private final PoolView pool;
    private final SchedulerProperties properties;
    private final Clock clock;
    private final SchedulerMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TaskQueues queues;
    private final Map<String, Integer> runningByTask = new HashMap<>();
    private int running;
    /** Shutting down: only calls a client waits for still start; the rest stay queued for the next start. */
    private boolean draining;
    /** Something happened since the dispatcher last looked: a call came or ended, the pool changed. */
    private boolean dirty;
    private volatile Thread dispatcher;

    Scheduler(ResourceManager resourceManager, PoolView pool, SchedulerProperties properties, MeterRegistry meters,
            Clock clock) {
        this.resourceManager = resourceManager;
        this.pool = pool;
        this.properties = properties;
        this.clock = clock;
        this.queues = new TaskQueues(properties);
        this.metrics = new SchedulerMetrics(meters, this::queueDepth, this::runningCount);
        resourceManager.addListener(event -> poolChanged());
    }

    /**
     * Queues a call.
     *
     * @throws QueueFullException when its task's queue, or the whole queue, is at its limit
     * @throws ExceedsBudgetException when it could never fit the budget
     */
    public void submit(ScheduledCall call) {
        submit(call, false);
    }

    /**
     * Queues a call admitted before a restart: the queue limits, which guard the admission of new
     * calls, do not refuse it.
     *
     * @throws ExceedsBudgetException when it could never fit the budget
     */
    public void readmit(ScheduledCall call) {
        submit(call, true);
    }

    private void submit(ScheduledCall call, boolean admitted) {
        try {
            pool.checkFits(call.request().spec());
        }
        catch (ExceedsBudgetException ex) {
            metrics.overBudget();
            throw ex;
        }
        lock.lock();
        try {
            if (admitted) {
                queues.readmit(call);
            }
            else {
                queues.add(call, metrics::refused);
            }
            queueChanged();
            dirty = true;
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
            found = queues.remove(invocationId).orElse(null);
            if (found != null) {
                queueChanged();
            }
        }
        finally {
            lock.unlock();
        }
        if (found == null) {
            return resourceManager.stop(invocationId, reason) ? Cancellation.STOPPING : Cancellation.UNKNOWN;
        }
        end(found, new ExecutionResult.Cancelled(reason));
        return Cancellation.DEQUEUED;
    }

    /**
     * Begins the drain at shutdown: from now on only calls a client waits for start; the others
     * stay queued (and recorded QUEUED) for the next start. Nothing is prewarmed.
     */
    void drain() {
        lock.lock();
        try {
            draining = true;
            dirty = true;
            changed.signal();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Waits until nothing runs and no queued call has a client waiting, or {@code timeout}
     * passes; returns whether it drained.
     */
    boolean awaitDrained(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (running > 0 || queues.anyMatch(ScheduledCall::clientWaits)) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            return true;
        }
        finally {
            lock.unlock();
        }
    }

    /** How many calls wait now. */
    public int queueDepth() {
        lock.lock();
        try {
            return queues.size();
        }
        finally {
            lock.unlock();
        }
    }

    /** The queues, what runs, the limits, the budget and the pool, as they are now. */
    SchedulerSnapshot snapshot() {
        var environments = pool.poolSnapshot();
        var budget = pool.budget();
        lock.lock();
        try {
            return new SchedulerSnapshot(queues.size(), queues.sizeByTask(), running, new TreeMap<>(runningByTask),
                    properties.maxConcurrent(), Math.max(0, properties.maxConcurrent() - running),
                    properties.maxQueueLength(), properties.maxQueueLengthPerTask(), budget, environments);
        }
        finally {
            lock.unlock();
        }
    }

    /** Called under the lock, so that the gauge's rows follow the queue's changes in order. */
    private void queueChanged() {
        metrics.queued(queues.sizeByTask());
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

    private void poolChanged() {
        lock.lock();
        try {
            dirty = true;
            changed.signal();
        }
        finally {
            lock.unlock();
        }
    }

    private void dispatchLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                dispatchOnce();
            }
            catch (InterruptedException ex) {
                return;
            }
            catch (RuntimeException ex) {
                log.error("Dispatching failed; trying again", ex);
            }
        }
    }

    /** One round: expire, order, place, start, prewarm; then wait for news. */
    private void dispatchOnce() throws InterruptedException {
        Instant now = clock.instant();
        List<ScheduledCall> late;
        List<ResourceManager.Candidate> candidates;
        int slots;
        lock.lock();
        try {
            dirty = false;
            late = queues.remove(call -> call.request().deadline() != null && !call.request().deadline().isAfter(now));
            if (!late.isEmpty()) {
                queueChanged();
            }
            slots = Math.max(0, properties.maxConcurrent() - running);
            candidates = slots == 0 ? List.of() : FairShare.order(queues.forFairShare(runningByTask)).stream()
                    .filter(call -> !draining || call.clientWaits())
                    .map(call -> new ResourceManager.Candidate(call.request(), call.acceptedAt()))
                    .toList();
        }
        finally {
            lock.unlock();
        }
        late.forEach(call -> {
            metrics.expired();
            end(call, new ExecutionResult.Expired(call.request().deadline()));
        });
        List<ResourceManager.Lease> leases = resourceManager.place(candidates, slots);
        List<Thread> starts = new ArrayList<>();
        List<ResourceManager.Lease> unused = new ArrayList<>();
        boolean waiting;
        Instant started = clock.instant();
        lock.lock();
        try {
            for (ResourceManager.Lease lease : leases) {
                java.util.Optional<ScheduledCall> taken = queues.remove(lease.candidate().request().invocationId());
                if (taken.isEmpty()) {
                    // Cancelled between ordering and placing: the lease goes back unused.
                    unused.add(lease);
                    continue;
                }
                ScheduledCall call = taken.get();
                metrics.waited(Duration.between(call.acceptedAt(), started));
                starts.add(Thread.ofVirtual().name("edgecoord-invocation-" + call.request().invocationId())
                        .unstarted(() -> withCallInMdc(call, () -> run(call, lease))));
                running++;
                runningByTask.merge(call.taskName(), 1, Integer::sum);
            }
            if (!starts.isEmpty()) {
                queueChanged();
            }
            waiting = queues.size() > 0 && !draining;
        }
        finally {
            lock.unlock();
        }
        unused.forEach(resourceManager::release);
        starts.forEach(Thread::start);
        resourceManager.prewarm(waiting);
        awaitNews();
    }

    /** Sleeps until something changes, the next deadline in the queue, or the idle tick. */
    private void awaitNews() throws InterruptedException {
        lock.lock();
        try {
            if (dirty) {
                return;
            }
            Instant wake = queues.earliestDeadline(clock.instant().plus(IDLE_TICK));
            long millis = Duration.between(clock.instant(), wake).toMillis();
            if (millis > 0) {
                changed.await(millis, TimeUnit.MILLISECONDS);
            }
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} with the call named in the logging MDC, {@code invocation} (its id) and
     * {@code task}, so that every line logged on the call's thread says whose it is. The thread is
     * the call's own, so nothing is left behind for another.
     */
    static void withCallInMdc(ScheduledCall call, Runnable work) {
        try (MDC.MDCCloseable invocation = MDC.putCloseable("invocation", call.request().invocationId());
                MDC.MDCCloseable task = MDC.putCloseable("task", call.taskName())) {
            work.run();
        }
    }

    private void run(ScheduledCall call, ResourceManager.Lease lease) {
        ExecutionResult result;
        try {
            result = resourceManager.run(lease, call.observer());
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
                runningByTask.computeIfPresent(call.taskName(), (task, count) -> count > 1 ? count - 1 : null);
                dirty = true;
                changed.signal();
            }
            finally {
                lock.unlock();
            }
        }
        call.observer().finished(result);
    }

    /** Ends a call that never ran: its output closes, then its observer hears how it ended. */
    private static void end(ScheduledCall call, ExecutionResult.Outcome outcome) {
        call.observer().outputClosed();
        call.observer().finished(ExecutionResult.notStarted(outcome));
    }

    /** Starts dispatching everything again: a drain ends when the context starts again (a paused test context). */
    @Override
    public void start() {
        lock.lock();
        try {
            draining = false;
        }
        finally {
            lock.unlock();
        }
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
