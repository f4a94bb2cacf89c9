package io.edgecoord.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;

import io.edgecoord.execution.BudgetSnapshot;
import io.edgecoord.execution.PoolSnapshot;
import io.edgecoord.execution.ResourceManager;

/**
 * What the scheduler holds, under one lock: the task queues, what runs (in all and by task), the
 * drain, and whether something happened since the dispatcher last looked. Every method takes the
 * lock for its whole work and none calls out while holding it, except the queue gauge, so that
 * the gauge's rows follow the queue's changes in order, and a round's window, a pure function.
 */
final class CallBook {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TaskQueues queues;
    private final SchedulerProperties properties;
    private final SchedulerMetrics metrics;
    private final Map<String, Integer> runningByTask = new HashMap<>();
    private int running;
    /** Shutting down: only calls a client waits for still start; the rest stay queued for the next start. */
    private boolean draining;
    /** Something happened since the dispatcher last looked: a call came or ended, the pool changed. */
    private boolean dirty;

    CallBook(SchedulerProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.queues = new TaskQueues(properties);
        this.metrics = new SchedulerMetrics(meters, this::queueDepth, this::running);
    }

    SchedulerMetrics metrics() {
        return metrics;
    }

    /** Queues a call; one admitted before a restart is not refused by the queue limits. */
    void add(ScheduledCall call, boolean admitted) {
        withLock(() -> {
            if (admitted) {
                queues.readmit(call);
            }
            else {
                queues.add(call, metrics::refused);
            }
            queueChanged();
            wakeLocked();
        });
    }

    /** Takes a queued call out; empty when it is not queued. */
    Optional<ScheduledCall> remove(String invocationId) {
        return locked(() -> {
            Optional<ScheduledCall> found = queues.remove(invocationId);
            found.ifPresent(call -> queueChanged());
            return found;
        });
    }

    /** What one dispatch round starts from: calls past their deadline, and those to offer for placement. */
    record Round(List<ScheduledCall> late, List<ResourceManager.Candidate> candidates, int slots) {
    }

    /**
     * Takes out the calls past their deadline and offers the rest in the order of service: of each
     * task's queue only what {@code window} keeps (what a round with these slots could place), so
     * that a round costs what can start rather than the backlog's length.
     */
    Round nextRound(Instant now, TaskQueues.Window window) {
        return locked(() -> {
            dirty = false;
            List<ScheduledCall> late = queues.removeLate(now);
            if (!late.isEmpty()) {
                queueChanged();
            }
            int slots = Math.max(0, properties.maxConcurrent() - running);
            if (slots == 0) {
                return new Round(late, List.of(), slots);
            }
            TaskQueues.Window offered = !draining ? window : (calls, free, versions, acceptedSince) -> window
                .of(calls.stream().filter(ScheduledCall::clientWaits).toList(), free, versions, acceptedSince);
            List<ResourceManager.Candidate> candidates = FairShare.order(queues.forFairShare(runningByTask, slots,
                    offered))
                .stream()
                .map(call -> new ResourceManager.Candidate(call.request(), call.acceptedAt()))
                .toList();
            return new Round(late, candidates, slots);
        });
    }

    /** A placed call taken out of its queue to start now. */
    record Start(ScheduledCall call, ResourceManager.Lease lease) {
    }

    /**
     * The placed calls, taken out of the queue and counted as running; leases whose call was
     * cancelled between ordering and placing come back unused.
     *
     * @param waiting whether calls still wait (and no drain runs): then only pinned tasks prewarm
     */
    record Placed(List<Start> starts, List<ResourceManager.Lease> unused, boolean waiting) {
    }

    Placed take(List<ResourceManager.Lease> leases, Instant started) {
        return locked(() -> {
            List<Start> starts = new ArrayList<>();
            List<ResourceManager.Lease> unused = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            leases.forEach(lease -> ids.add(lease.candidate().request().invocationId()));
            Map<String, ScheduledCall> taken = queues.removeAll(ids);
            for (ResourceManager.Lease lease : leases) {
                ScheduledCall call = taken.get(lease.candidate().request().invocationId());
                if (call == null) {
                    unused.add(lease);
                    continue;
                }
                metrics.waited(Duration.between(call.acceptedAt(), started));
                starts.add(new Start(call, lease));
                running++;
                runningByTask.merge(call.taskName(), 1, Integer::sum);
            }
            if (!starts.isEmpty()) {
                queueChanged();
            }
            return new Placed(starts, unused, queues.size() > 0 && !draining);
        });
    }

    /** A started call ended. */
    void ended(ScheduledCall call) {
        withLock(() -> {
            running--;
            runningByTask.computeIfPresent(call.taskName(), (task, count) -> count > 1 ? count - 1 : null);
            wakeLocked();
        });
    }

    /** Something changed that the dispatcher should look at. */
    void wake() {
        withLock(this::wakeLocked);
    }

    /** Begins (true) or ends (false) the drain at shutdown. */
    void draining(boolean on) {
        withLock(() -> {
            draining = on;
            wakeLocked();
        });
    }

    /** Waits until nothing runs and no queued call has a client waiting, or the timeout passes. */
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

    /** Sleeps until something changes, the next deadline in the queue, or {@code tick}. */
    void awaitNews(Clock clock, Duration tick) throws InterruptedException {
        lock.lock();
        try {
            if (dirty) {
                return;
            }
            Instant wake = queues.earliestDeadline(clock.instant().plus(tick));
            long millis = Duration.between(clock.instant(), wake).toMillis();
            if (millis > 0) {
                changed.await(millis, TimeUnit.MILLISECONDS);
            }
        }
        finally {
            lock.unlock();
        }
    }

    int queueDepth() {
        return locked(queues::size);
    }

    int running() {
        return locked(() -> running);
    }

    SchedulerSnapshot snapshot(BudgetSnapshot budget, PoolSnapshot pool) {
        return locked(() -> new SchedulerSnapshot(queues.size(), queues.sizeByTask(), running,
                new TreeMap<>(runningByTask), properties.maxConcurrent(),
                Math.max(0, properties.maxConcurrent() - running), properties.maxQueueLength(),
                properties.maxQueueLengthPerTask(), budget, pool));
    }

    private void queueChanged() {
        metrics.queued(queues.sizeByTask());
    }

    private void wakeLocked() {
        dirty = true;
        changed.signal();
    }

    private void withLock(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        }
        finally {
            lock.unlock();
        }
    }
}
