package io.edgecoord.execution;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The invocations the resource manager holds, from taking one until its result is returned, so
 * that one can be stopped ({@link ResourceManager#stop}) while it gets an environment or runs.
 *
 * <p>Thread-safe. Each call ends exactly one way: {@link #stop} and the runner's {@link #end}
 * race for it, so a stop that returns true is one whose runner reports
 * {@link ExecutionResult.Cancelled}, and a call that ended first cannot be stopped any more.
 */
final class RunningCalls {

    /** One call held: its listener, and what completes with the reason when it is stopped. */
    private record Held(ExecutionListener listener, CompletableFuture<String> stopped) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Clock clock;

    RunningCalls(Clock clock) {
        this.clock = clock;
    }

    /**
     * Holds a call while {@code execution} runs it, telling its listener when the resource manager
     * took it. A call stopped before it reached a runner (while its environment was being made)
     * ends cancelled whatever the attempt to start it came to.
     */
    ExecutionResult track(ExecutionRequest request, ExecutionListener listener, Supplier<ExecutionResult> execution) {
        String id = request.invocationId();
        Held call = new Held(listener, new CompletableFuture<>());
        held.put(id, call);
        listener.acquiring(clock.instant());
        try {
            ExecutionResult result = execution.get();
            String reason = call.stopped().getNow(null);
            return reason == null || result.outcome() instanceof ExecutionResult.Cancelled ? result
                    : new ExecutionResult(new ExecutionResult.Cancelled(reason), result.environmentId(),
                            result.startKind(), result.initDuration());
        }
        finally {
            held.remove(id, call);
        }
    }

    /** Stops a held call: its runner ends cancelled. False when none is held or it has ended. */
    boolean stop(String invocationId, String reason) {
        Held call = held.get(invocationId);
        return call != null && call.stopped().complete(reason);
    }

    /** What completes with the reason if the call is stopped; never completes for one not held. */
    CompletableFuture<String> stopped(String invocationId) {
        Held call = held.get(invocationId);
        return call == null ? new CompletableFuture<>() : call.stopped();
    }

    /**
     * The runner has its outcome and claims the end of the call; false when a stop came first, so
     * that the call ends cancelled after all.
     */
    boolean end(String invocationId) {
        Held call = held.get(invocationId);
        return call == null || call.stopped().complete(null) || call.stopped().join() == null;
    }

    /** The runner handed the event to the environment's runtime. */
    void handedOver(String invocationId) {
        Held call = held.get(invocationId);
        if (call != null) {
            call.listener().handedOver(clock.instant());
        }
    }
}
