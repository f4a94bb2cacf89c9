package io.edgecoord.execution;

/**
 * The budget for environments and how much of it is held, as {@code GET /api/v1/scheduler}
 * shows it.
 *
 * @param memoryMb what all live environments may hold, in MiB
 * @param memoryUsedMb what they hold now (each its task's memory)
 * @param memoryFreeMb what is left
 * @param cpus what all running calls may hold
 * @param cpusUsed what they hold now
 * @param cpusFree what is left
 * @param maxEnvironments the most environments alive at once
 */
public record BudgetSnapshot(long memoryMb, long memoryUsedMb, long memoryFreeMb, double cpus, double cpusUsed,
        double cpusFree, int maxEnvironments) {
}
