package io.edgecoord.invocation;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.execution.StartKind;

/**
 * An invocation record as the API shows it.
 *
 * @param result the function's result, when it succeeded (JSON, or a string when not JSON)
 * @param error what went wrong, when it did not
 * @param start whether the environment was new ({@code COLD}) or reused ({@code WARM})
 * @param cause the subscription, source and topic that made the coordinator invoke it, or null
 *     when a client did
 */
record InvocationResponse(
        String id, String task, int version, String mode, InvocationStatus status, JsonNode result, Error error,
        Instant acceptedAt, Instant startedAt, Instant finishedAt, Long durationMs, Long initDurationMs,
        StartKind start, String environmentId, String logs, InvocationCause cause) {

    /**
     * @param source whose fault: {@code FUNCTION} or {@code COORDINATOR}
     * @param details the error document the runtime sent, when there is one
     */
    record Error(ErrorSource source, String type, String message, JsonNode details) {
    }

    static InvocationResponse from(Invocation i, JsonMapper json) {
        Error error = i.errorType() == null ? null
                : new Error(i.errorSource(), i.errorType(), i.errorMessage(), Bodies.toJson(i.errorBody(), json));
        Long duration = i.startedAt() == null || i.finishedAt() == null ? null
                : Duration.between(i.startedAt(), i.finishedAt()).toMillis();
        return new InvocationResponse(i.id(), i.taskName(), i.taskVersion(), i.mode().name(), i.status(),
                Bodies.toJson(i.result(), json), error, i.acceptedAt(), i.startedAt(), i.finishedAt(), duration,
                i.initDurationMs(), i.startKind(), i.environmentId(), "/api/v1/invocations/" + i.id() + "/logs",
                i.cause());
    }
}
