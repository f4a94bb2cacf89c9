package io.edgecoord.scheduler;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.edgecoord.execution.PoolSnapshot;

/**
 * The scheduler at one moment, as {@code GET /api/v1/scheduler} shows it.
 *
 * @param queued calls waiting in all
 * @param queuedByTask calls waiting by task name; only tasks with calls waiting
 * @param running calls running now
 * @param maxConcurrent the cap on calls running at once
 * @param free how many more calls may start now
 * @param maxQueueLength the most calls that may wait
 * @param environments the pool: environments live, idle and busy, and the memory they reserve
 */
record SchedulerSnapshot(int queued, Map<String, Integer> queuedByTask, int running, int maxConcurrent, int free,
        int maxQueueLength, PoolSnapshot environments) {

    /** Takes the snapshot of a queue and a running count, both read under the scheduler's lock. */
    static SchedulerSnapshot of(List<ScheduledCall> queue, int running, SchedulerProperties properties,
            PoolSnapshot environments) {
        return new SchedulerSnapshot(queue.size(), queuedByTask(queue), running, properties.maxConcurrent(),
                Math.max(0, properties.maxConcurrent() - running), properties.maxQueueLength(), environments);
    }

    /** How many calls of each task wait, by task name. */
    static Map<String, Integer> queuedByTask(List<ScheduledCall> queue) {
        Map<String, Integer> counts = new TreeMap<>();
        queue.forEach(call -> counts.merge(call.request().spec().taskName(), 1, Integer::sum));
        return counts;
    }
}
