package io.edgecoord.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One environment's invocations between the caller and the runtime: queued until a
 * {@code /next} poll takes them, in flight until the runtime answers.
 *
 * <p>Thread-safe. State changes under one monitor; futures complete after it is released, on the
 * thread that caused the change (a caller's or a Jetty handler's).
 */
final class InvocationExchange {

    private record Entry(RuntimeInvocation invocation, RuntimeCall call) {
    }

    private final String environmentId;
    private final Clock clock;
    // Held only briefly and never while blocking, so pinning a virtual thread costs nothing.
    private final Object lock = new Object();
    private final Deque<Entry> queued = new ArrayDeque<>();
    private final Deque<CompletableFuture<RuntimeInvocation>> pollers = new ArrayDeque<>();
    private final Map<String, Entry> inFlight = new HashMap<>();
    private final CompletableFuture<Instant> ready = new CompletableFuture<>();
    private RuntimeOutcome.InitError initError;
    private boolean closed;

    InvocationExchange(String environmentId, Clock clock) {
        this.environmentId = environmentId;
        this.clock = clock;
    }

    CompletableFuture<Instant> ready() {
        return ready;
    }

    RuntimeCall submit(RuntimeInvocation invocation) {
        Entry entry = new Entry(invocation, new RuntimeCall(new CompletableFuture<>(), new CompletableFuture<>()));
        CompletableFuture<RuntimeInvocation> poller = null;
        RuntimeException refusal = null;
        synchronized (lock) {
            if (closed) {
                refusal = new RuntimeEndpointClosedException(environmentId);
            }
            else if (initError != null) {
                refusal = new RuntimeInitFailedException(environmentId, initError);
            }
            else if (isKnown(invocation.requestId())) {
                throw new IllegalArgumentException("Request id " + invocation.requestId()
                        + " is already queued or in flight in environment " + environmentId);
            }
            else if (pollers.isEmpty()) {
                queued.addLast(entry);
            }
            else {
                poller = pollers.removeFirst();
                inFlight.put(invocation.requestId(), entry);
            }
        }
        if (refusal instanceof RuntimeInitFailedException failed) {
            entry.call().handedOut().completeExceptionally(failed);
            entry.call().outcome().complete(failed.error());
        }
        else if (refusal != null) {
            fail(entry, refusal);
        }
        else if (poller != null) {
            handOut(entry, poller);
        }
        return entry.call();
    }

    /** A {@code /next} poll: completes with the oldest queued invocation, now or when one comes. */
    CompletableFuture<RuntimeInvocation> next() {
        ready.complete(clock.instant());
        CompletableFuture<RuntimeInvocation> poller = new CompletableFuture<>();
        Entry entry = null;
        synchronized (lock) {
            if (closed) {
                poller.completeExceptionally(new RuntimeEndpointClosedException(environmentId));
            }
            else if (queued.isEmpty()) {
                pollers.addLast(poller);
            }
            else {
                entry = queued.removeFirst();
                inFlight.put(entry.invocation().requestId(), entry);
            }
        }
        if (entry != null) {
            handOut(entry, poller);
        }
        return poller;
    }

    /** The poll's connection failed before an invocation came: stop waiting on its behalf. */
    void abandon(CompletableFuture<RuntimeInvocation> poller) {
        synchronized (lock) {
            pollers.remove(poller);
        }
    }

    /**
     * The {@code /next} response carrying this invocation could not be written (the poll's
     * connection had died): hand it to the next poll instead. Its handedOut time stays the first.
     */
    void returnUndelivered(String requestId) {
        CompletableFuture<RuntimeInvocation> poller = null;
        Entry entry;
        synchronized (lock) {
            entry = inFlight.remove(requestId);
            if (entry != null && pollers.isEmpty()) {
                queued.addFirst(entry);
            }
            else if (entry != null) {
                poller = pollers.removeFirst();
                inFlight.put(requestId, entry);
            }
        }
        if (poller != null) {
            poller.complete(entry.invocation());
        }
    }

    /** The runtime answered; false if the request id is not in flight here. */
    boolean answer(String requestId, RuntimeOutcome outcome) {
        Entry entry;
        synchronized (lock) {
            entry = inFlight.remove(requestId);
        }
        if (entry == null) {
            return false;
        }
        entry.call().outcome().complete(outcome);
        return true;
    }

    /** The runtime reported {@code /init/error}: every call, now and later, gets that error. */
    void initFailed(RuntimeOutcome.InitError error) {
        List<Entry> failed;
        synchronized (lock) {
            if (initError == null) {
                initError = error;
            }
            failed = drain();
        }
        RuntimeInitFailedException exception = new RuntimeInitFailedException(environmentId, initError);
        ready.completeExceptionally(exception);
        for (Entry entry : failed) {
            entry.call().handedOut().completeExceptionally(exception);
            entry.call().outcome().complete(initError);
        }
    }

    /** Fails every waiting poll and every unanswered call; later submissions fail at once. */
    void close() {
        List<Entry> failed;
        List<CompletableFuture<RuntimeInvocation>> waiting;
        synchronized (lock) {
            closed = true;
            failed = drain();
            waiting = List.copyOf(pollers);
            pollers.clear();
        }
        RuntimeEndpointClosedException exception = new RuntimeEndpointClosedException(environmentId);
        ready.completeExceptionally(exception);
        waiting.forEach(poller -> poller.completeExceptionally(exception));
        failed.forEach(entry -> fail(entry, exception));
    }

    /** Every unanswered call, removed; call under the lock. */
    private List<Entry> drain() {
        List<Entry> drained = new ArrayList<>(queued);
        drained.addAll(inFlight.values());
        queued.clear();
        inFlight.clear();
        return drained;
    }

    private boolean isKnown(String requestId) {
        return inFlight.containsKey(requestId)
                || queued.stream().anyMatch(entry -> entry.invocation().requestId().equals(requestId));
    }

    private void handOut(Entry entry, CompletableFuture<RuntimeInvocation> poller) {
        // handedOut completes before the runtime can see the invocation, so always before outcome.
        entry.call().handedOut().complete(clock.instant());
        poller.complete(entry.invocation());
    }

    private static void fail(Entry entry, RuntimeException exception) {
        entry.call().handedOut().completeExceptionally(exception);
        entry.call().outcome().completeExceptionally(exception);
    }
}
