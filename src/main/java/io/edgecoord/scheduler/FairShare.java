package io.edgecoord.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which queued calls are offered to placement: a pure function of the per-task
 * queues and what each task runs now.
 *
 * <p>Higher priority first. Among tasks whose next calls have the same priority, the task with the
 * smallest share in use (running calls, plus those already ordered ahead, divided by its weight)
 * goes next, so a task that floods the queue gets its weight's share and no more while others
 * wait; ties go to the call that waited longest. Within a task, calls keep their queue's order
 * (priority, then arrival).
 */
final class FairShare {

    /**
     * One task's queue.
     *
     * @param task the task's name
     * @param calls its waiting calls, in the order they are served (priority, then arrival)
     * @param weight its share against other tasks of the same priority, 1 or more
     * @param running how many of its calls run now
     */
    record TaskQueue(String task, List<ScheduledCall> calls, int weight, int running) {
    }

    private FairShare() {
    }

    /** Every queued call, in the order to offer them. */
    static List<ScheduledCall> order(List<TaskQueue> queues) {
        if (queues.size() == 1) {
            return queues.getFirst().calls(); // one task: its queue's own order, without a pass per call
        }
        List<ScheduledCall> ordered = new ArrayList<>();
        Map<String, Integer> next = new HashMap<>();
        Map<String, Integer> inUse = new HashMap<>();
        queues.forEach(q -> inUse.put(q.task(), q.running()));
        Comparator<TaskQueue> turn = Comparator
                .comparingInt((TaskQueue q) -> -head(q, next).priority())
                .thenComparingDouble(q -> (double) inUse.get(q.task()) / Math.max(1, q.weight()))
                .thenComparing(q -> head(q, next).acceptedAt());
        List<TaskQueue> waiting = new ArrayList<>(queues.stream().filter(q -> !q.calls().isEmpty()).toList());
        while (!waiting.isEmpty()) {
            TaskQueue chosen = waiting.stream().min(turn).orElseThrow();
            ordered.add(head(chosen, next));
            inUse.merge(chosen.task(), 1, Integer::sum);
            int taken = next.merge(chosen.task(), 1, Integer::sum);
            if (taken >= chosen.calls().size()) {
                waiting.remove(chosen);
            }
        }
        return ordered;
    }

    private static ScheduledCall head(TaskQueue queue, Map<String, Integer> next) {
        return queue.calls().get(next.getOrDefault(queue.task(), 0));
    }
}
