package io.edgecoord.runtime;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One submitted invocation as the caller follows it.
 *
 * @param handedOut completes with the instant the runtime's {@code /invocation/next} took it;
 *     fails if it never will (endpoint closed, init error)
 * @param outcome completes with what the runtime reported; fails with
 *     {@link RuntimeEndpointClosedException} if the endpoint closed first
 */
public record RuntimeCall(CompletableFuture<Instant> handedOut, CompletableFuture<RuntimeOutcome> outcome) {
}
