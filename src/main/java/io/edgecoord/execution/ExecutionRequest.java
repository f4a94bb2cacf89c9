package io.edgecoord.execution;

import java.time.Duration;

/**
 * One invocation for the resource manager to run.
 *
 * @param invocationId the invocation's id, sent to the runtime as its request id
 * @param spec the environment it needs
 * @param payload the event, as JSON bytes
 * @param timeout how long the function may run once handed to its environment
 */
public record ExecutionRequest(String invocationId, EnvironmentSpec spec, byte[] payload, Duration timeout) {
}
