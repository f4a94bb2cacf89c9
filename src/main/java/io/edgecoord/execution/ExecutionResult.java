package io.edgecoord.execution;

import java.time.Duration;

/**
 * How one invocation ended, with where and how fast it ran.
 *
 * @param outcome what happened
 * @param environmentId the environment it ran in, or {@code null} when none could be had
 * @param startKind cold or warm, or {@code null} when it never started
 * @param initDuration time from creating the environment to the runtime's first poll (cold only)
 */
public record ExecutionResult(Outcome outcome, String environmentId, StartKind startKind, Duration initDuration) {

    /** One of the ways an invocation ends. */
    public sealed interface Outcome {
    }

    /** The function returned this result. */
    public record Succeeded(byte[] body) implements Outcome {
    }

    /**
     * The function failed: it raised an error, could not initialise, crashed or ran out of
     * memory. The caller's problem, not the coordinator's.
     */
    public record FunctionFailed(String errorType, String errorMessage, byte[] body) implements Outcome {
    }

    /**
     * The function ran past its run limit; its environment was destroyed.
     *
     * @param timeout how long it was let run
     * @param deadline the caller's deadline when that cut it short of the task's timeout, else null
     */
    public record TimedOut(Duration timeout, java.time.Instant deadline) implements Outcome {

        /** Ran past the task's timeout. */
        public TimedOut(Duration timeout) {
            this(timeout, null);
        }
    }

    /** The coordinator could not run it: no environment could be created, say. */
    public record CoordinatorFailed(String errorType, String errorMessage) implements Outcome {
    }

    /** Somebody cancelled it ({@code DELETE /api/v1/invocations/{id}}): taken from the queue, or stopped. */
    public record Cancelled(String reason) implements Outcome {
    }

    /** Its caller's deadline passed while it waited in the queue; it never ran. */
    public record Expired(java.time.Instant deadline) implements Outcome {
    }

    /** A result for a call that never reached an environment. */
    public static ExecutionResult notStarted(Outcome outcome) {
        return new ExecutionResult(outcome, null, null, Duration.ZERO);
    }
}
