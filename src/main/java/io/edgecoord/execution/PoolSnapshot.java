package io.edgecoord.execution;

/**
 * The pool at one moment, for the scheduler's view and the budget.
 *
 * @param live environments alive in any state
 * @param idle environments waiting for work
 * @param busy environments running an invocation, starting or draining
 * @param reservedMemoryMb the memory all live environments reserve, in MiB
 */
public record PoolSnapshot(int live, int idle, int busy, long reservedMemoryMb) {
}
