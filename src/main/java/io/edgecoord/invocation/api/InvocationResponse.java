package io.edgecoord.invocation.api;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.InvocationCause;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.store.Invocation;

/**
 * An invocation record as the API shows it. One record covers every attempt of a call; the
 * times describe the latest attempt.
 *
 * @param result the function's result, when it succeeded (JSON, or a string when not JSON)
 * @param error what went wrong, when it did not; while a retry waits, the last attempt's error
 * @param durationMs the same as {@code runMs}, kept for clients that read it
 * @param start whether the environment was new ({@code COLD}), reused ({@code WARM}) or started
 *     ahead of calls ({@code PREWARMED})
 * @param cause the subscription, source and topic that made the coordinator invoke it, or null
 *     when a client did
 * @param attempt which attempt the record shows, 1 for the first
 * @param nextAttemptAt when the next attempt starts, while a retry waits for its back-off
 * @param queuedMs from queueing the attempt to handing it to the resource manager
 * @param acquireMs from handing it to the resource manager to handing its event to a ready
 *     environment: a cold start's creation and init are in it
 * @param runMs from handing the event to the environment to the attempt's end
 * @param deadLetterReason {@code RetriesExhausted} or {@code EventAgeExceeded}, when DEAD_LETTERED
 * @param replayOf the dead-lettered invocation this one replays
 * @param idempotencyKey the client's {@code Idempotency-Key}, while it names this call
 * @param priority 0..9, higher first: the caller's {@code Edgecoord-Priority} limited to its task's
 * @param deadlineAt the caller's deadline ({@code Edgecoord-Deadline-Ms} from acceptance), or null
 * @param isolation what the latest attempt's environment really ran with: {@code CONTAINER}, or
 *     {@code NONE} for a plain process (a task deployed with isolation {@code none}, or any task
 *     where the operator chose the process backend); null until it started
 * @param alias the alias the call named ({@code hello:live}, {@code ?qualifier=live}), or null; {@code version}
 *     is the version that ran
 */
public record InvocationResponse(
        String id, String task, int version, String mode, InvocationStatus status, JsonNode result, Error error,
        Instant acceptedAt, Instant startedAt, Instant finishedAt, Long durationMs, Long initDurationMs,
        StartKind start, String environmentId, String logs, InvocationCause cause, int attempt,
        Instant nextAttemptAt, Long queuedMs, Long acquireMs, Long runMs, String deadLetterReason, String replayOf,
        String idempotencyKey, int priority, Instant deadlineAt, EnvironmentPolicy.Isolation isolation,
        String alias) {

    /**
     * @param source whose fault: {@code FUNCTION} or {@code COORDINATOR}
     * @param details the error document the runtime sent, when there is one
     */
    record Error(ErrorSource source, String type, String message, JsonNode details) {
    }

    static InvocationResponse from(Invocation i, JsonMapper json) {
        Error error = i.errorType() == null ? null
                : new Error(i.errorSource(), i.errorType(), i.errorMessage(), Bodies.toJson(i.errorBody(), json));
        Long run = runMs(i);
        Instant nextAttemptAt = i.status() == InvocationStatus.QUEUED && i.attempt() > 1 ? i.queuedAt() : null;
        return new InvocationResponse(i.id(), i.taskName(), i.taskVersion(), i.mode().name(), i.status(),
                Bodies.toJson(i.result(), json), error, i.acceptedAt(), i.startedAt(), i.finishedAt(), run,
                i.initDurationMs(), i.startKind(), i.environmentId(), "/api/v1/invocations/" + i.id() + "/logs",
                i.cause(), i.attempt(), nextAttemptAt, queuedMs(i), between(i.dispatchedAt(), i.handedOverAt()), run,
                i.deadLetterReason(), i.replayOf(), i.idempotencyKey(), i.priority(), i.deadlineAt(), i.isolation(),
                i.alias());
    }

    /**
     * Queued until handed to the resource manager. Records made before that step was kept count
     * until the environment was had, without a cold start's init.
     */
    public static Long queuedMs(Invocation i) {
        if (i.dispatchedAt() != null) {
            return between(i.queuedAt(), i.dispatchedAt());
        }
        if (i.startedAt() == null || i.queuedAt() == null) {
            return null;
        }
        long init = i.initDurationMs() == null ? 0 : i.initDurationMs();
        return Math.max(0, Duration.between(i.queuedAt(), i.startedAt()).toMillis() - init);
    }

    /** From the hand-over of the event to the end; older records count from the start. */
    public static Long runMs(Invocation i) {
        if (i.handedOverAt() != null) {
            return between(i.handedOverAt(), i.finishedAt());
        }
        return i.dispatchedAt() == null ? between(i.startedAt(), i.finishedAt()) : null;
    }

    private static Long between(Instant from, Instant to) {
        return from == null || to == null ? null : Math.max(0, Duration.between(from, to).toMillis());
    }
}
