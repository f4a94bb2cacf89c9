package io.edgecoord.invocation.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.ExecutionResult;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationStore;
import io.edgecoord.scheduler.CallObserver;
import io.edgecoord.web.DatabaseUnavailable;

/**
 * Records one attempt of a call in its invocation record, keeps its output, counts it, and
 * completes {@code done} with the final record for a caller that waits, and {@code output} with
 * everything the call printed once its output is closed and stored. A failed attempt of an
 * asynchronous call is settled by the {@link RetryPolicy} in the same transaction: the record goes
 * back to QUEUED and {@code retry} is told (and {@code done} waits on), or it ends DEAD_LETTERED.
 * A cancelled or expired call is never tried again, nor is one whose deadline comes before the
 * retry would start. The attempt's steps (handed to the resource manager, event handed over) are
 * kept in memory and written with its end, so that they cost no transaction of their own; the record
 * itself is written behind ({@link InvocationStore}), but an asynchronous call's start. An end
 * that cannot be written because the database is away is written again later ({@code recordLater})
 * until it is back: an accepted call is never left QUEUED or RUNNING with nothing to run or end it.
 */
final class RecordingObserver implements CallObserver {

    private static final Logger log = LoggerFactory.getLogger(RecordingObserver.class);

    private final String id;
    private final InvocationStore store;
    private final LiveLogs liveLogs;
    private final LogBuffer buffer;
    private final InvocationMetrics metrics;
    private final Clock clock;
    private final CompletableFuture<Invocation> done;
    private final CompletableFuture<String> output;
    private final RetryPolicy policy;
    private final Consumer<Invocation> retry;
    private final boolean callerWaits;
    private final Consumer<Runnable> recordLater;
    private volatile Instant dispatchedAt;
    private volatile Instant handedOverAt;

    RecordingObserver(String id, InvocationStore store, LiveLogs liveLogs, InvocationMetrics metrics, Clock clock,
            CompletableFuture<Invocation> done, CompletableFuture<String> output, RetryPolicy policy,
            Consumer<Invocation> retry, boolean callerWaits, Consumer<Runnable> recordLater) {
        this.id = id;
        this.store = store;
        this.liveLogs = liveLogs;
        this.buffer = liveLogs.open(id);
        this.metrics = metrics;
        this.clock = clock;
        this.done = done;
        this.output = output;
        this.policy = policy;
        this.retry = retry;
        this.callerWaits = callerWaits;
        this.recordLater = recordLater;
    }

    @Override
    public void acquiring(Instant at) {
        dispatchedAt = at;
    }

    @Override
    public void handedOver(Instant at) {
        handedOverAt = at;
    }

    @Override
    public void started(String environmentId, StartKind startKind, EnvironmentPolicy.Isolation isolation, Instant at) {
        // An asynchronous call is RUNNING on disk before its event is handed over: a coordinator
        // killed meanwhile tries it again rather than running it a second time as a first attempt.
        store.update(id, invocation -> invocation.start(environmentId, startKind, isolation, at), !callerWaits);
    }

    @Override
    public void output(String text) {
        buffer.append(text);
    }

    @Override
    public void outputClosed() {
        try {
            store.saveLog(id, buffer.text(), buffer.truncated());
        }
        catch (RuntimeException ex) {
            log.warn("Could not store the output of invocation {}", id, ex);
        }
        finally {
            liveLogs.close(id);
            output.complete(buffer.text());
        }
    }

    @Override
    public void finished(ExecutionResult result) {
        if (!callerWaits && !store.writable()) {
            // As if its write had failed: the end of an asynchronous call waits for the database, so
            // that attempts (and its retries) are not spent while the database is away.
            recordLater.accept(() -> finished(result));
            return;
        }
        try {
            Instant now = clock.instant();
            Invocation finished = store.update(id, invocation -> {
                invocation.attemptSteps(dispatchedAt, handedOverAt);
                apply(invocation, result, now);
                settle(invocation, policy, now);
            });
            if (finished.status() == InvocationStatus.QUEUED) {
                metrics.retried(finished);
                retry.accept(finished);
                return;
            }
            metrics.finished(finished);
            done.complete(finished);
        }
        catch (RuntimeException ex) {
            if (!DatabaseUnavailable.causedBy(ex)) {
                log.error("Could not record the end of invocation {}", id, ex);
                done.completeExceptionally(ex);
                return;
            }
            log.warn("Could not record the end of invocation {}, the database is unavailable; trying again: {}", id,
                    ex.toString());
            if (callerWaits) {
                // A synchronous caller hears now (503 database-unavailable), not when the database is back.
                done.completeExceptionally(ex);
            }
            recordLater.accept(() -> finished(result));
        }
    }

    /** A failed attempt of an asynchronous call is queued again or dead-lettered, as the policy decides. */
    static void settle(Invocation invocation, RetryPolicy policy, Instant now) {
        boolean failed = invocation.status() == InvocationStatus.FAILED
                || invocation.status() == InvocationStatus.TIMED_OUT;
        if (invocation.mode() != Invocation.Mode.ASYNC || !failed) {
            return;
        }
        switch (policy.decide(invocation.attempt(), invocation.acceptedAt(), now)) {
            case RetryPolicy.Retry r when pastDeadline(invocation, r.at()) -> {
                // Useless once its deadline has passed: it ends with this attempt's failure.
            }
            case RetryPolicy.Retry r -> invocation.retryAt(r.at());
            case RetryPolicy.GiveUp g -> invocation.deadLetter(g.reason(), now);
        }
    }

    private static boolean pastDeadline(Invocation invocation, Instant retryAt) {
        return invocation.deadlineAt() != null && !retryAt.isBefore(invocation.deadlineAt());
    }

    private static void apply(Invocation invocation, ExecutionResult result, Instant now) {
        Duration init = result.initDuration();
        switch (result.outcome()) {
            case ExecutionResult.Succeeded s -> invocation.succeed(s.body(), init, now);
            case ExecutionResult.FunctionFailed f ->
                    invocation.fail(ErrorSource.FUNCTION, f.errorType(), f.errorMessage(), f.body(), init, now);
            case ExecutionResult.TimedOut t -> invocation.timeOut(t.timeout(), t.deadline(), init, now);
            case ExecutionResult.CoordinatorFailed c ->
                    invocation.fail(ErrorSource.COORDINATOR, c.errorType(), c.errorMessage(), null, init, now);
            case ExecutionResult.Cancelled c -> invocation.cancel(c.reason(), init, now);
            case ExecutionResult.Expired e -> invocation.expire(e.deadline(), init, now);
        }
    }
}
