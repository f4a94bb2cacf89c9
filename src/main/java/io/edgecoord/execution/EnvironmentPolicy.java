package io.edgecoord.execution;

import java.time.Duration;

/**
 * How the resource manager treats a task version's environments. Zero or {@code null} means the
 * coordinator's default.
 *
 * @param isolation a container, or a plain child process
 * @param cpus the CPUs each environment reserves of the budget while it runs; 0 for the default
 * @param minWarm environments kept started ahead of calls (prewarmed)
 * @param maxEnvironments the most environments of this task alive at once; 0 for no cap
 * @param keepAlive how long an idle environment is kept; null for the default
 * @param pinned one long-lived environment: started ahead, restarted when it dies, never evicted
 *     or reaped, and the only one its task gets
 */
public record EnvironmentPolicy(Isolation isolation, double cpus, int minWarm, int maxEnvironments,
        Duration keepAlive, boolean pinned) {

    /** Where environments run. */
    public enum Isolation { CONTAINER, NONE }

    public static final EnvironmentPolicy DEFAULT = new EnvironmentPolicy(Isolation.CONTAINER, 0, 0, 0, null, false);

    public EnvironmentPolicy {
        if (pinned) {
            minWarm = 1;
            maxEnvironments = 1;
        }
    }
}
