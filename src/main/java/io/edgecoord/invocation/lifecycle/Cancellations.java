package io.edgecoord.invocation.lifecycle;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.edgecoord.invocation.InvocationNotCancellableException;
import io.edgecoord.invocation.InvocationNotFoundException;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationStore;
import io.edgecoord.scheduler.Scheduler;

/**
 * Cancels calls for {@code DELETE /api/v1/invocations/{id}}, wherever they are: a retry waiting
 * for its back-off is dropped and a queued call taken out of the queue (both end CANCELLED before
 * this returns), a running one is stopped (it ends CANCELLED once its environment has stopped).
 *
 * <p>A call changes hands for a moment (the queue hands it to the resource manager, a retry's
 * back-off ends, a run is ending); one found in none of those places is looked for again a few
 * times, {@link #PAUSE} apart, until it is found or has ended.
 */
@Component
public class Cancellations {

    static final String REASON = "cancelled by its client";
    static final Duration PAUSE = Duration.ofMillis(20);
    static final int TRIES = 100;

    /** Waits between two looks; tests pass one that returns at once. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * What a cancel did.
     *
     * @param invocation the record as it is now: CANCELLED, or still RUNNING while it is stopped
     * @param where where the call was: {@code queued}, {@code running}, {@code retry-wait}, or
     *     null when it had been cancelled before
     */
    public record Cancelled(Invocation invocation, String where) {
    }

    private final Scheduler scheduler;
    private final AttemptScheduler attempts;
    private final InvocationStore store;
    private final InvocationMetrics metrics;
    private final Pause pause;
    private final Clock clock;

    @Autowired
    Cancellations(Scheduler scheduler, AttemptScheduler attempts, InvocationStore store, InvocationMetrics metrics,
            Clock clock) {
        this(scheduler, attempts, store, metrics, duration -> Thread.sleep(duration), clock);
    }

    Cancellations(Scheduler scheduler, AttemptScheduler attempts, InvocationStore store, InvocationMetrics metrics,
            Pause pause, Clock clock) {
        this.scheduler = scheduler;
        this.attempts = attempts;
        this.store = store;
        this.metrics = metrics;
        this.pause = pause;
        this.clock = clock;
    }

    /**
     * Cancels a call that has not ended; one already CANCELLED is answered as it is.
     *
     * @throws InvocationNotFoundException when no invocation has this id
     * @throws InvocationNotCancellableException when it ended otherwise, or could not be caught
     */
    public Cancelled cancel(String id) throws InterruptedException {
        for (int look = 0; look < TRIES; look++) {
            Invocation invocation = find(id);
            if (invocation.status() == InvocationStatus.CANCELLED) {
                return new Cancelled(invocation, null);
            }
            if (invocation.status().isFinal()) {
                throw new InvocationNotCancellableException(id, invocation.status(), "it has ended.");
            }
            String where = cancelWhereHeld(id);
            if ("running".equals(where)) {
                // Durable before the answer: a coordinator that dies before the call has stopped
                // ends it CANCELLED at start-up instead of retrying it.
                store.requestCancel(id, clock.instant());
            }
            if (where != null) {
                metrics.cancelled(invocation, where);
                return new Cancelled(find(id), where);
            }
            pause.sleep(PAUSE);
        }
        Invocation invocation = find(id);
        throw new InvocationNotCancellableException(id, invocation.status(),
                "it could not be found in the queue, a retry's back-off or an environment; try again.");
    }

    /** Where the call was when it was cancelled, or null when none of them held it. */
    private String cancelWhereHeld(String id) {
        if (attempts.cancelWaiting(id, REASON)) {
            return "retry-wait";
        }
        return switch (scheduler.cancel(id, REASON)) {
            case DEQUEUED -> "queued";
            case STOPPING -> "running";
            case UNKNOWN -> null;
        };
    }

    private Invocation find(String id) {
        return store.find(id).orElseThrow(() -> new InvocationNotFoundException(id));
    }
}
