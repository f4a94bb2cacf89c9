package io.edgecoord.scheduler;

import java.util.Map;

import io.edgecoord.execution.BudgetSnapshot;
import io.edgecoord.execution.PoolSnapshot;

/**
 * The scheduler at one moment, as {@code GET /api/v1/scheduler} shows it.
 *
 * @param queued calls waiting in all
 * @param queuedByTask calls waiting by task name; only tasks with calls waiting
 * @param running calls running now
 * @param runningByTask calls running by task name; only tasks with calls running
 * @param maxConcurrent the cap on calls running at once
 * @param free how many more calls may start now, as far as the cap goes
 * @param maxQueueLength the most calls that may wait in all
 * @param maxQueueLengthPerTask the most calls of one task that may wait, unless the task says
 * @param budget the memory and CPU environments may hold, used and free
 * @param environments the pool: environments live, idle and busy, and the memory they reserve
 */
record SchedulerSnapshot(int queued, Map<String, Integer> queuedByTask, int running,
        Map<String, Integer> runningByTask, int maxConcurrent, int free, int maxQueueLength,
        int maxQueueLengthPerTask, BudgetSnapshot budget, PoolSnapshot environments) {
}
