package io.edgecoord.scheduler;

import java.time.Instant;

import io.edgecoord.execution.ExecutionRequest;

/**
 * A call waiting for its turn.
 *
 * @param request what to run
 * @param observer told when it starts, what it prints and how it ends
 * @param acceptedAt when the coordinator accepted it
 */
public record ScheduledCall(ExecutionRequest request, CallObserver observer, Instant acceptedAt) {
}
