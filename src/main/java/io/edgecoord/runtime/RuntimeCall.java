package io.edgecoord.runtime;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One submitted invocation as the caller follows it.
 *
 * @param handedOut completes with the instant a {@code /invocation/next} first took it (if that
 *     poll's connection had died, it goes to the next poll, this instant unchanged); always
 *     before {@code outcome}; fails if it never will be handed out (endpoint closed, init error)
 * @param outcome completes with what the runtime reported; fails with
 *     {@link RuntimeEndpointClosedException} if the endpoint closed first
 */
public record RuntimeCall(CompletableFuture<Instant> handedOut, CompletableFuture<RuntimeOutcome> outcome) {
}
