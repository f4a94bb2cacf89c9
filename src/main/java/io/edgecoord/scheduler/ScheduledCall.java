package io.edgecoord.scheduler;

import java.time.Instant;

import io.edgecoord.execution.ExecutionRequest;

/**
 * A call waiting for its turn.
 *
 * @param request what to run; its {@code deadline}, when set, cancels the call if it is still
 *     queued then
 * @param observer told when it starts, what it prints and how it ends
 * @param acceptedAt when the coordinator accepted it (or its retry became due)
 * @param priority 0..9, higher first, already limited to its task's priority
 * @param weight its task's share against other tasks of the same priority, 1..100
 * @param maxQueueLength the most calls of its task that may wait, 0 for the coordinator's default
 * @param clientWaits whether a client waits for its result (a synchronous call): while the
 *     coordinator drains at shutdown only these still start
 */
public record ScheduledCall(ExecutionRequest request, CallObserver observer, Instant acceptedAt, int priority,
        int weight, int maxQueueLength, boolean clientWaits) {

    /** A call no client waits for. */
    public ScheduledCall(ExecutionRequest request, CallObserver observer, Instant acceptedAt, int priority,
            int weight, int maxQueueLength) {
        this(request, observer, acceptedAt, priority, weight, maxQueueLength, false);
    }

    /** A call at the default priority and weight. */
    public ScheduledCall(ExecutionRequest request, CallObserver observer, Instant acceptedAt) {
        this(request, observer, acceptedAt, 5, 1, 0);
    }

    /** The task the call is for. */
    public String taskName() {
        return request.spec().taskName();
    }
}
