package io.edgecoord.scheduler;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Every task's waiting calls: a bounded queue per task, each in service order (priority, then
 * arrival), under a bound on all of them together. Not thread-safe: the {@link Scheduler} guards
 * it with its lock.
 */
final class TaskQueues {

    /** Calls in a task's queue are served by priority, then in order of arrival. */
    private static final Comparator<Queued> SERVICE_ORDER = Comparator
            .comparingInt((Queued q) -> -q.call().priority())
            .thenComparingLong(Queued::sequence);

    /** Calls with a deadline, soonest first. */
    private static final Comparator<Queued> DEADLINE_ORDER = Comparator
            .comparing((Queued q) -> q.call().request().deadline())
            .thenComparingLong(Queued::sequence);

    /** A call in a queue, with its place in arrival order. */
    private record Queued(ScheduledCall call, long sequence) {
    }

    /**
     * One task's queue: its calls in service order, with what a round's window needs to know of them
     * without walking them: how many wait for each task version, and a time none was accepted
     * before (the earliest since the queue was made: it may be earlier than what waits now, never
     * later; an emptied queue is dropped).
     */
    private static final class Queue {

        private final List<Queued> calls = new ArrayList<>();

        private final Map<Integer, Integer> versions = new HashMap<>();

        private Instant acceptedSince;

        void add(Queued entry) {
            int at = Collections.binarySearch(calls, entry, SERVICE_ORDER);
            calls.add(at < 0 ? -at - 1 : at, entry);
            versions.merge(entry.call().request().spec().taskVersion(), 1, Integer::sum);
            if (acceptedSince == null || entry.call().acceptedAt().isBefore(acceptedSince)) {
                acceptedSince = entry.call().acceptedAt();
            }
        }

        void remove(Queued entry) {
            // Sequences are unique, so the service order finds exactly this entry.
            calls.remove(Collections.binarySearch(calls, entry, SERVICE_ORDER));
            versions.computeIfPresent(entry.call().request().spec().taskVersion(), (version, n) -> n > 1 ? n - 1 : null);
        }
    }

    private final SchedulerProperties properties;
    /** A task without calls waiting has no entry. */
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    /** Every waiting call by invocation id, so that taking placed calls out does not walk the backlog. */
    private final Map<String, Queued> byId = new HashMap<>();
    /** The waiting calls that have a deadline, so that finding the late ones does not walk the backlog either. */
    private final TreeSet<Queued> byDeadline = new TreeSet<>(DEADLINE_ORDER);
    private int size;
    private long sequence;

    TaskQueues(SchedulerProperties properties) {
        this.properties = properties;
    }

    /** Why {@link #add} refused a call. */
    enum Refusal { QUEUE_FULL, TASK_QUEUE_FULL }

    /**
     * Queues a call in its task's queue.
     *
     * @throws QueueFullException when its task's queue, or all of them together, are full; the
     *     exception's reason is in {@code refused}
     */
    void add(ScheduledCall call, java.util.function.Consumer<Refusal> refused) {
        refuseWhenFull(call, refused);
        queue(call);
    }

    /**
     * Queues a call that was admitted before (what a restart found queued), whatever the limits:
     * they guard the admission of new calls, and refusing an accepted one would leave its record
     * QUEUED with nothing to run it. New calls are refused while the queues are over their limits.
     */
    void readmit(ScheduledCall call) {
        queue(call);
    }

    private void refuseWhenFull(ScheduledCall call, java.util.function.Consumer<Refusal> refused) {
        if (size >= properties.maxQueueLength()) {
            refused.accept(Refusal.QUEUE_FULL);
            throw QueueFullException.coordinator(properties.maxQueueLength());
        }
        int limit = call.maxQueueLength() > 0 ? call.maxQueueLength() : properties.maxQueueLengthPerTask();
        Queue queue = queues.get(call.taskName());
        if (queue != null && queue.calls.size() >= limit) {
            refused.accept(Refusal.TASK_QUEUE_FULL);
            throw QueueFullException.task(call.taskName(), limit);
        }
    }

    private void queue(ScheduledCall call) {
        Queued entry = new Queued(call, sequence++);
        queues.computeIfAbsent(call.taskName(), task -> new Queue()).add(entry);
        byId.put(call.request().invocationId(), entry);
        if (call.request().deadline() != null) {
            byDeadline.add(entry);
        }
        size++;
    }

    /** Takes out the calls whose deadline is {@code now} or before, soonest first. */
    List<ScheduledCall> removeLate(Instant now) {
        List<ScheduledCall> late = new ArrayList<>();
        while (!byDeadline.isEmpty() && !byDeadline.first().call().request().deadline().isAfter(now)) {
            Queued entry = byDeadline.first();
            takeOut(entry);
            late.add(entry.call());
        }
        return late;
    }

    /** Takes out the call of this invocation, if it waits here. */
    java.util.Optional<ScheduledCall> remove(String invocationId) {
        return java.util.Optional.ofNullable(removeAll(Set.of(invocationId)).get(invocationId));
    }

    /** Takes out the calls of these invocations that wait here, by invocation id: a lookup and a binary search each. */
    Map<String, ScheduledCall> removeAll(Set<String> invocationIds) {
        Map<String, ScheduledCall> removed = new HashMap<>();
        for (String id : invocationIds) {
            Queued entry = byId.get(id);
            if (entry != null) {
                takeOut(entry);
                removed.put(id, entry.call());
            }
        }
        return removed;
    }

    /** Takes a waiting entry out of its task's queue and the indexes. */
    private void takeOut(Queued entry) {
        byId.remove(entry.call().request().invocationId(), entry);
        if (entry.call().request().deadline() != null) {
            byDeadline.remove(entry);
        }
        Queue queue = queues.get(entry.call().taskName());
        queue.remove(entry);
        if (queue.calls.isEmpty()) {
            queues.remove(entry.call().taskName());
        }
        size--;
    }

    /** How many calls wait in all. */
    int size() {
        return size;
    }

    /** How many calls of each task wait, by task name; only tasks with calls waiting. */
    Map<String, Integer> sizeByTask() {
        Map<String, Integer> counts = new TreeMap<>();
        queues.forEach((task, queue) -> counts.put(task, queue.calls.size()));
        return counts;
    }

    /**
     * Which of one task's queued calls (in their order) a round with {@code slots} could place, given
     * how many task versions they are of (at most) and a time none was accepted before. A pure
     * function of its arguments: the scheduler calls it under its lock.
     */
    @FunctionalInterface
    interface Window {

        List<ScheduledCall> of(List<ScheduledCall> calls, int slots, int versions, Instant acceptedSince);
    }

    /**
     * The queues as {@link FairShare} orders them, each cut down to what {@code window} keeps of its
     * calls for a round with {@code slots}, with what each task runs now; a queue it keeps nothing of
     * is left out.
     */
    List<FairShare.TaskQueue> forFairShare(Map<String, Integer> runningByTask, int slots, Window window) {
        List<FairShare.TaskQueue> byTask = new ArrayList<>(queues.size());
        queues.forEach((task, queue) -> {
            List<ScheduledCall> calls = window.of(calls(queue.calls), slots, queue.versions.size(),
                    queue.acceptedSince);
            if (!calls.isEmpty()) {
                byTask.add(new FairShare.TaskQueue(task, calls, queue.calls.getLast().call().weight(),
                        runningByTask.getOrDefault(task, 0)));
            }
        });
        return byTask;
    }

    /**
     * A queue's calls as a read-only view, not a copy: a round reads the whole queue, and a copy of a
     * long backlog at every round cost more than the round. Valid until the queue next changes.
     */
    private static List<ScheduledCall> calls(List<Queued> queue) {
        return new AbstractList<>() {
            @Override
            public ScheduledCall get(int index) {
                return queue.get(index).call();
            }

            @Override
            public int size() {
                return queue.size();
            }
        };
    }

    /** Whether any waiting call matches. */
    boolean anyMatch(Predicate<ScheduledCall> which) {
        return queues.values().stream().flatMap(queue -> queue.calls.stream()).map(Queued::call).anyMatch(which);
    }

    /** The earliest deadline of a waiting call before {@code limit}, or {@code limit}. */
    Instant earliestDeadline(Instant limit) {
        if (byDeadline.isEmpty()) {
            return limit;
        }
        Instant soonest = byDeadline.first().call().request().deadline();
        return soonest.isBefore(limit) ? soonest : limit;
    }
}
