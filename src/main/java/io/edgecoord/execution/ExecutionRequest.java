package io.edgecoord.execution;

import java.time.Duration;
import java.time.Instant;

/**
 * One invocation for the resource manager to run.
 *
 * @param invocationId the invocation's id, sent to the runtime as its request id
 * @param spec the environment it needs
 * @param payload the event, as JSON bytes
 * @param timeout how long the function may run once handed to its environment
 * @param deadline the caller's end-to-end deadline, or null for none: the function gets the
 *     earlier of it and its timeout, and the runtime sees that in {@code Lambda-Runtime-Deadline-Ms}
 * @param alias the alias the call named, or null: the runtime's invoked ARN then ends in the version
 * @param clientContext Lambda's client context as JSON text (not base64), or null for none
 */
public record ExecutionRequest(String invocationId, EnvironmentSpec spec, byte[] payload, Duration timeout,
        Instant deadline, String alias, String clientContext) {

    /** A request without a deadline of its caller's. */
    public ExecutionRequest(String invocationId, EnvironmentSpec spec, byte[] payload, Duration timeout) {
        this(invocationId, spec, payload, timeout, null);
    }

    /** A request that named no alias and carries no client context. */
    public ExecutionRequest(String invocationId, EnvironmentSpec spec, byte[] payload, Duration timeout,
            Instant deadline) {
        this(invocationId, spec, payload, timeout, deadline, null, null);
    }
}
