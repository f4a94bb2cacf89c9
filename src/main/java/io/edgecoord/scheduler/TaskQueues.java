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

    /** A call in a queue, with its place in arrival order. */
    private record Queued(ScheduledCall call, long sequence) {
    }

    private final SchedulerProperties properties;
    /** A task without calls waiting has no entry. */
    private final Map<String, List<Queued>> queues = new LinkedHashMap<>();
    /** Every waiting call by invocation id, so that taking placed calls out does not walk the backlog. */
    private final Map<String, Queued> byId = new HashMap<>();
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
        List<Queued> queue = queues.getOrDefault(call.taskName(), List.of());
        if (queue.size() >= limit) {
            refused.accept(Refusal.TASK_QUEUE_FULL);
            throw QueueFullException.task(call.taskName(), limit);
        }
    }

    private void queue(ScheduledCall call) {
        List<Queued> queue = queues.computeIfAbsent(call.taskName(), task -> new ArrayList<>());
        Queued entry = new Queued(call, sequence++);
        int at = Collections.binarySearch(queue, entry, SERVICE_ORDER);
        queue.add(at < 0 ? -at - 1 : at, entry);
        byId.put(call.request().invocationId(), entry);
        size++;
    }

    /** Takes out the calls that match, in no particular order. */
    List<ScheduledCall> remove(Predicate<ScheduledCall> which) {
        List<ScheduledCall> removed = new ArrayList<>();
        queues.values().forEach(queue -> queue.removeIf(entry -> {
            boolean match = which.test(entry.call());
            if (match) {
                removed.add(entry.call());
                byId.remove(entry.call().request().invocationId(), entry);
            }
            return match;
        }));
        if (!removed.isEmpty()) {
            queues.values().removeIf(List::isEmpty);
            size -= removed.size();
        }
        return removed;
    }

    /** Takes out the call of this invocation, if it waits here. */
    java.util.Optional<ScheduledCall> remove(String invocationId) {
        return java.util.Optional.ofNullable(removeAll(Set.of(invocationId)).get(invocationId));
    }

    /** Takes out the calls of these invocations that wait here, by invocation id: a lookup and a binary search each. */
    Map<String, ScheduledCall> removeAll(Set<String> invocationIds) {
        Map<String, ScheduledCall> removed = new HashMap<>();
        for (String id : invocationIds) {
            Queued entry = byId.remove(id);
            if (entry == null) {
                continue;
            }
            List<Queued> queue = queues.get(entry.call().taskName());
            // Sequences are unique, so the service order finds exactly this entry.
            queue.remove(Collections.binarySearch(queue, entry, SERVICE_ORDER));
            if (queue.isEmpty()) {
                queues.remove(entry.call().taskName());
            }
            size--;
            removed.put(id, entry.call());
        }
        return removed;
    }

    /** How many calls wait in all. */
    int size() {
        return size;
    }

    /** How many calls of each task wait, by task name; only tasks with calls waiting. */
    Map<String, Integer> sizeByTask() {
        Map<String, Integer> counts = new TreeMap<>();
        queues.forEach((task, queue) -> counts.put(task, queue.size()));
        return counts;
    }

    /** The queues as {@link FairShare} orders them, with what each task runs now. */
    List<FairShare.TaskQueue> forFairShare(Map<String, Integer> runningByTask) {
        return queues.entrySet().stream()
                .map(e -> new FairShare.TaskQueue(e.getKey(), calls(e.getValue()),
                        e.getValue().getLast().call().weight(), runningByTask.getOrDefault(e.getKey(), 0)))
                .toList();
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
        return queues.values().stream().flatMap(List::stream).map(Queued::call).anyMatch(which);
    }

    /** The earliest deadline of a waiting call before {@code limit}, or {@code limit}. */
    Instant earliestDeadline(Instant limit) {
        Instant earliest = limit;
        for (List<Queued> queue : queues.values()) {
            for (Queued entry : queue) {
                Instant deadline = entry.call().request().deadline();
                if (deadline != null && deadline.isBefore(earliest)) {
                    earliest = deadline;
                }
            }
        }
        return earliest;
    }
}
