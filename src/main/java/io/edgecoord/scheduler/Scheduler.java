package io.edgecoord.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
 * <p>Thread-safe. {@link #submit} never blocks; it refuses with {@link QueueFullException}. What
 * it holds (queues, running counts, the drain) is the {@link CallBook}'s, under its lock; this
 * class decides and acts outside it.
 */
@Service
public class Scheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    /** The longest the dispatcher sleeps without news: prewarm back-offs end on their own. */
    private static final Duration IDLE_TICK = Duration.ofSeconds(1);

    private final ResourceManager resourceManager;
    private final PoolView pool;
    private final Clock clock;
    private final CallBook book;
    private final SchedulerMetrics metrics;
    private volatile Thread dispatcher;

    Scheduler(ResourceManager resourceManager, PoolView pool, SchedulerProperties properties, MeterRegistry meters,
            Clock clock) {
        this.resourceManager = resourceManager;
        this.pool = pool;
        this.clock = clock;
        this.book = new CallBook(properties, meters);
        this.metrics = book.metrics();
        resourceManager.addListener(event -> book.wake());
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
        book.add(call, admitted);
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
        ScheduledCall found = book.remove(invocationId).orElse(null);
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
        book.draining(true);
    }

    /**
     * Waits until nothing runs and no queued call has a client waiting, or {@code timeout}
     * passes; returns whether it drained.
     */
    boolean awaitDrained(Duration timeout) throws InterruptedException {
        return book.awaitDrained(timeout);
    }

    /** How many calls wait now. */
    public int queueDepth() {
        return book.queueDepth();
    }

    /** The queues, what runs, the limits, the budget and the pool, as they are now. */
    SchedulerSnapshot snapshot() {
        return book.snapshot(pool.budget(), pool.poolSnapshot());
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
        CallBook.Round round = book.nextRound(now, (calls, slots, versions, acceptedSince) -> resourceManager
            .window(calls, call -> call.request().spec().taskVersion(), ScheduledCall::acceptedAt, slots, now,
                    versions, acceptedSince));
        round.late().forEach(call -> {
            metrics.expired();
            end(call, new ExecutionResult.Expired(call.request().deadline()));
        });
        List<ResourceManager.Lease> leases = resourceManager.place(round.candidates(), round.slots());
        CallBook.Placed placed = book.take(leases, clock.instant());
        List<Thread> starts = new ArrayList<>(placed.starts().size());
        for (CallBook.Start start : placed.starts()) {
            ScheduledCall call = start.call();
            starts.add(Thread.ofVirtual().name("edgecoord-invocation-" + call.request().invocationId())
                    .unstarted(() -> withCallInMdc(call, () -> run(call, start.lease()))));
        }
        placed.unused().forEach(resourceManager::release);
        starts.forEach(Thread::start);
        resourceManager.prewarm(placed.waiting());
        book.awaitNews(clock, IDLE_TICK);
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
            book.ended(call);
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
        book.draining(false);
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
