package io.edgecoord.invocation;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.execution.StartKind;

/**
 * An invocation record as the API shows it. One record covers every attempt of a call; the
 * times describe the latest attempt.
 *
 * @param result the function's result, when it succeeded (JSON, or a string when not JSON)
 * @param error what went wrong, when it did not; while a retry waits, the last attempt's error
 * @param durationMs the same as {@code runMs}, kept for clients that read it
 * @param start whether the environment was new ({@code COLD}) or reused ({@code WARM})
 * @param cause the subscription, source and topic that made the coordinator invoke it, or null
 *     when a client did
 * @param attempt which attempt the record shows, 1 for the first
 * @param nextAttemptAt when the next attempt starts, while a retry waits for its back-off
 * @param queuedMs from queueing the attempt to starting on an environment, without the init time
 * @param runMs from handing the event to the environment to the attempt's end
 * @param deadLetterReason {@code RetriesExhausted} or {@code EventAgeExceeded}, when DEAD_LETTERED
 * @param replayOf the dead-lettered invocation this one replays
 * @param idempotencyKey the client's {@code Idempotency-Key}, while it names this call
 */
record InvocationResponse(
        String id, String task, int version, String mode, InvocationStatus status, JsonNode result, Error error,
        Instant acceptedAt, Instant startedAt, Instant finishedAt, Long durationMs, Long initDurationMs,
        StartKind start, String environmentId, String logs, InvocationCause cause, int attempt,
        Instant nextAttemptAt, Long queuedMs, Long runMs, String deadLetterReason, String replayOf,
        String idempotencyKey) {

    /**
     * @param source whose fault: {@code FUNCTION} or {@code COORDINATOR}
     * @param details the error document the runtime sent, when there is one
     */
    record Error(ErrorSource source, String type, String message, JsonNode details) {
    }

    static InvocationResponse from(Invocation i, JsonMapper json) {
        Error error = i.errorType() == null ? null
                : new Error(i.errorSource(), i.errorType(), i.errorMessage(), Bodies.toJson(i.errorBody(), json));
        Long run = i.startedAt() == null || i.finishedAt() == null ? null
                : Duration.between(i.startedAt(), i.finishedAt()).toMillis();
        Instant nextAttemptAt = i.status() == InvocationStatus.QUEUED && i.attempt() > 1 ? i.queuedAt() : null;
        return new InvocationResponse(i.id(), i.taskName(), i.taskVersion(), i.mode().name(), i.status(),
                Bodies.toJson(i.result(), json), error, i.acceptedAt(), i.startedAt(), i.finishedAt(), run,
                i.initDurationMs(), i.startKind(), i.environmentId(), "/api/v1/invocations/" + i.id() + "/logs",
                i.cause(), i.attempt(), nextAttemptAt, queuedMs(i), run, i.deadLetterReason(), i.replayOf(),
                i.idempotencyKey());
    }

    /** The environment is created between queueing and starting, so a cold start's init is taken out. */
    static Long queuedMs(Invocation i) {
        if (i.startedAt() == null || i.queuedAt() == null) {
            return null;
        }
        long init = i.initDurationMs() == null ? 0 : i.initDurationMs();
        return Math.max(0, Duration.between(i.queuedAt(), i.startedAt()).toMillis() - init);
    }
}
