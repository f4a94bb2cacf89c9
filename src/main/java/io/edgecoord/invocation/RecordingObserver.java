package io.edgecoord.invocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgecoord.execution.ExecutionResult;
import io.edgecoord.execution.StartKind;
import io.edgecoord.scheduler.CallObserver;

/**
 * Records one call's progress in its invocation record, keeps its output, counts it, and
 * completes {@code done} with the final record for a caller that waits, and {@code output} with
 * everything the call printed once its output is closed and stored.
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

    RecordingObserver(String id, InvocationStore store, LiveLogs liveLogs, InvocationMetrics metrics, Clock clock,
            CompletableFuture<Invocation> done, CompletableFuture<String> output) {
        this.id = id;
        this.store = store;
        this.liveLogs = liveLogs;
        this.buffer = liveLogs.open(id);
        this.metrics = metrics;
        this.clock = clock;
        this.done = done;
        this.output = output;
    }

    @Override
    public void started(String environmentId, StartKind startKind, Instant at) {
        store.update(id, invocation -> invocation.start(environmentId, startKind, at));
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
        try {
            Invocation finished = store.update(id, invocation -> apply(invocation, result));
            metrics.finished(finished);
            done.complete(finished);
        }
        catch (RuntimeException ex) {
            log.error("Could not record the end of invocation {}", id, ex);
            done.completeExceptionally(ex);
        }
    }

    private void apply(Invocation invocation, ExecutionResult result) {
        Instant now = clock.instant();
        Duration init = result.initDuration();
        switch (result.outcome()) {
            case ExecutionResult.Succeeded s -> invocation.succeed(s.body(), init, now);
            case ExecutionResult.FunctionFailed f ->
                    invocation.fail(ErrorSource.FUNCTION, f.errorType(), f.errorMessage(), f.body(), init, now);
            case ExecutionResult.TimedOut t -> invocation.timeOut(t.timeout(), init, now);
            case ExecutionResult.CoordinatorFailed c ->
                    invocation.fail(ErrorSource.COORDINATOR, c.errorType(), c.errorMessage(), null, init, now);
        }
    }
}
