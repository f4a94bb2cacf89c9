package io.edgecoord.invocation.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.ExceedsBudgetException;
import io.edgecoord.execution.ExecutionRequest;
import io.edgecoord.execution.ExecutionResult;
import io.edgecoord.invocation.InvocationCompleted;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationStore;
import io.edgecoord.scheduler.QueueFullException;
import io.edgecoord.scheduler.ScheduledCall;
import io.edgecoord.scheduler.Scheduler;
import io.edgecoord.task.DeployedTask;
import io.edgecoord.task.TaskCatalog;
import io.edgecoord.task.TaskExecution;
import io.edgecoord.task.TaskNotFoundException;

/**
 * Hands each attempt of a recorded invocation to the scheduler: the first at once, a retry when
 * its back-off ends ({@code queuedAt}). The futures of a call live across its attempts:
 * {@code done} completes once, with the final record, and publishes {@link InvocationCompleted}.
 * A retry that waits for its back-off can be cancelled ({@link #cancelWaiting}).
 */
@Component
class AttemptScheduler {

    private static final Logger log = LoggerFactory.getLogger(AttemptScheduler.class);

    private final Scheduler scheduler;
    private final TaskCatalog catalog;
    private final InvocationStore store;
    private final LiveLogs liveLogs;
    private final InvocationMetrics metrics;
    private final CompletionEvents completions;
    private final RetryPolicy policy;
    private final RetryTimer retries;
    private final Clock clock;
    /** The futures of the calls whose retry waits, so that a cancel can end them. */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    /** How long the end of an attempt waits before it is written again while the database is away. */
    private static final Duration RECORD_AGAIN_AFTER = Duration.ofSeconds(1);

    private record Waiting(CompletableFuture<Invocation> done, CompletableFuture<String> output) {
    }

    AttemptScheduler(Scheduler scheduler, TaskCatalog catalog, InvocationStore store, LiveLogs liveLogs,
            InvocationMetrics metrics, CompletionEvents completions, InvocationProperties properties,
            RetryTimer retries, Clock clock) {
        this.scheduler = scheduler;
        this.catalog = catalog;
        this.store = store;
        this.liveLogs = liveLogs;
        this.metrics = metrics;
        this.completions = completions;
        this.policy = properties.retryPolicy();
        this.retries = retries;
        this.clock = clock;
    }

    /**
     * Queues a recorded invocation; also used to queue again what a restart left queued. One
     * waiting for a retry is queued when its back-off ends.
     */
    void schedule(Invocation invocation, DeployedTask task, CompletableFuture<Invocation> done,
            CompletableFuture<String> output) {
        schedule(invocation, task, done, output, false);
    }

    /** Queues what a restart found queued: accepted before, so no queue limit refuses it. */
    void readmit(Invocation invocation, DeployedTask task, CompletableFuture<Invocation> done,
            CompletableFuture<String> output) {
        schedule(invocation, task, done, output, true);
    }

    private void schedule(Invocation invocation, DeployedTask task, CompletableFuture<Invocation> done,
            CompletableFuture<String> output, boolean admitted) {
        completions.publishWhenDone(done);
        if (invocation.queuedAt().isAfter(clock.instant())) {
            retryLater(invocation, done, output);
        }
        else {
            submit(invocation, task, done, output, admitted);
        }
    }

    private void submit(Invocation invocation, DeployedTask task, CompletableFuture<Invocation> done,
            CompletableFuture<String> output, boolean admitted) {
        EnvironmentSpec spec = TaskSpecs.spec(task);
        ExecutionRequest request = new ExecutionRequest(invocation.id(), spec, invocation.payload(), task.timeout(),
                invocation.deadlineAt(), invocation.alias(),
                ClientContexts.of(invocation.clientContext(), invocation.cause()));
        TaskExecution execution = task.execution();
        ScheduledCall call = new ScheduledCall(request,
                observer(invocation.id(), policy.withTask(execution), done, output,
                        invocation.mode() == Invocation.Mode.SYNC), invocation.queuedAt(),
                invocation.priority(), execution.weight(),
                execution.maxQueueLength() != null ? execution.maxQueueLength() : 0,
                invocation.mode() == Invocation.Mode.SYNC);
        if (admitted) {
            scheduler.readmit(call);
        }
        else {
            scheduler.submit(call);
        }
    }

    private RecordingObserver observer(String id, RetryPolicy retryPolicy, CompletableFuture<Invocation> done,
            CompletableFuture<String> output) {
        return observer(id, retryPolicy, done, output, false);
    }

    private RecordingObserver observer(String id, RetryPolicy retryPolicy, CompletableFuture<Invocation> done,
            CompletableFuture<String> output, boolean callerWaits) {
        return new RecordingObserver(id, store, liveLogs, metrics, clock, done, output, retryPolicy,
                retried -> retryLater(retried, done, output), callerWaits,
                write -> retries.after(RECORD_AGAIN_AFTER, id, write));
    }

    private void retryLater(Invocation invocation, CompletableFuture<Invocation> done,
            CompletableFuture<String> output) {
        waiting.put(invocation.id(), new Waiting(done, output));
        retries.at(invocation.queuedAt(), invocation.id(), () -> retry(invocation.id(), done, output));
    }

    /**
     * Starts the next attempt. When it cannot be queued (its task version is gone, the queue is
     * full), that attempt fails as the coordinator's fault and the retry policy decides again.
     */
    private void retry(String id, CompletableFuture<Invocation> done, CompletableFuture<String> output) {
        waiting.remove(id);
        Invocation invocation = store.find(id).orElse(null);
        if (invocation == null || invocation.status() != InvocationStatus.QUEUED) {
            return;
        }
        DeployedTask task = null;
        try {
            task = catalog.version(invocation.taskName(), invocation.taskVersion());
            submit(invocation, task, done, output, false);
        }
        catch (TaskNotFoundException | QueueFullException | ExceedsBudgetException ex) {
            log.warn("Could not queue attempt {} of invocation {}: {}", invocation.attempt(), id, ex.getMessage());
            // A full queue leaves the task's own retry limits in force; a task that is gone has none.
            RetryPolicy retryPolicy = (task != null) ? policy.withTask(task.execution()) : policy;
            observer(id, retryPolicy, done, output).finished(ExecutionResult.notStarted(
                    new ExecutionResult.CoordinatorFailed("Coordinator.RetryNotQueued", ex.getBody().getDetail())));
            liveLogs.close(id);
        }
    }

    /**
     * Cancels a call whose retry waits for its back-off: the retry is dropped and the record ends
     * CANCELLED. False when no retry of it waits here (it started, or never waited).
     */
    boolean cancelWaiting(String id, String reason) {
        Waiting call = waiting.get(id);
        if (call == null || !retries.cancel(id)) {
            return false;
        }
        waiting.remove(id);
        observer(id, policy, call.done(), call.output())
                .finished(ExecutionResult.notStarted(new ExecutionResult.Cancelled(reason)));
        liveLogs.close(id);
        return true;
    }
}
