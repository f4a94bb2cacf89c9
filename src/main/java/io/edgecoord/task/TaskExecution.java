package io.edgecoord.task;

import java.time.Duration;

/**
 * How a task version is run and scheduled, beyond its code and limits: its isolation, what it
 * reserves of the coordinator's budget, how many environments it keeps warm or may have, and how
 * its calls queue and are retried. A {@code null} setting means "the coordinator's default".
 *
 * @param isolation {@code CONTAINER} (a Docker container) or {@code NONE} (a plain child process)
 * @param cpus the CPUs each environment reserves of the budget, or null for the default
 * @param minWarm environments kept started and idle ahead of calls (prewarmed), 0 for none
 * @param maxEnvironments the most environments of this task alive at once, or null for no cap
 *     but the budget's
 * @param keepAlive how long an idle environment is kept, or null for the coordinator's default
 * @param pinned long-lived: one environment started at deploy and start-up, kept running,
 *     restarted when it dies, never evicted; every call queues to it
 * @param priority 0..9, higher first; a call may ask for its task's priority or lower
 * @param weight 1..100, the task's share of the budget against others of the same priority
 * @param maxQueueLength the most calls of this task that may wait, or null for the default
 * @param maxRetries retries of a failed asynchronous call, or null for the default (2)
 * @param maxEventAge the oldest an asynchronous event may be to be retried, or null for the
 *     default (6 h)
 */
public record TaskExecution(Isolation isolation, Double cpus, int minWarm, Integer maxEnvironments,
        Duration keepAlive, boolean pinned, int priority, int weight, Integer maxQueueLength, Integer maxRetries,
        Duration maxEventAge) {

    /** Where a task's environments run. */
    public enum Isolation { CONTAINER, NONE }

    /** The priority of a task that names none. */
    public static final int DEFAULT_PRIORITY = 5;

    /** Every setting at its default. */
    public static final TaskExecution DEFAULTS = new TaskExecution(Isolation.CONTAINER, null, 0, null, null, false,
            DEFAULT_PRIORITY, 1, null, null, null);

    /** Whether environments of this task are started ahead of calls: it keeps some warm, or is pinned. */
    public boolean keepsWarm() {
        return this.minWarm > 0 || this.pinned;
    }
}
