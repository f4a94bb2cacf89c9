package io.edgecoord.invocation.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationRepository;
import io.edgecoord.invocation.store.InvocationStore;
import io.edgecoord.task.TaskCatalog;
import io.edgecoord.task.TaskNotFoundException;

/**
 * At start-up, settles what the last run left unfinished. Accepted asynchronous calls that were
 * still queued are queued again (those waiting for a retry once their back-off ends). A call that
 * was running fails as the coordinator's fault, since the coordinator cannot know how far it got;
 * an asynchronous one then gets a retry as any failed attempt does (at least once, as Lambda's
 * asynchronous calls). Synchronous calls still queued fail, since their caller is gone. A call
 * still queued whose deadline has passed ends EXPIRED instead.
 */
@Component
class InvocationRecovery implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(InvocationRecovery.class);

    private final InvocationRepository repository;
    private final InvocationStore store;
    private final AttemptScheduler attempts;
    private final TaskCatalog catalog;
    private final Clock clock;
    private final RetryPolicy policy;
    private Set<String> leftByLastRun = Set.of();

    InvocationRecovery(InvocationRepository repository, InvocationStore store, AttemptScheduler attempts,
            TaskCatalog catalog, Clock clock, InvocationProperties properties) {
        this.repository = repository;
        this.store = store;
        this.attempts = attempts;
        this.catalog = catalog;
        this.clock = clock;
        this.policy = properties.retryPolicy();
    }

    /**
     * Notes which calls the last run left unfinished, before this run can accept one (the web
     * server, and the devices and subscriptions that invoke tasks, start later); only those are
     * settled once the application is ready. A call accepted in between is this run's own, already
     * queued: it must not be queued again, nor failed as left over.
     */
    @Override
    public void afterSingletonsInstantiated() {
        leftByLastRun = unfinished().stream().map(Invocation::id).collect(Collectors.toSet());
    }

    private List<Invocation> unfinished() {
        return repository.findByStatusInOrderByAcceptedAt(List.of(InvocationStatus.QUEUED, InvocationStatus.RUNNING));
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        List<Invocation> unfinished = unfinished().stream().filter(i -> leftByLastRun.contains(i.id())).toList();
        int requeued = 0;
        for (Invocation invocation : unfinished) {
            if (invocation.cancelRequestedAt() != null) {
                Instant now = clock.instant();
                store.update(invocation.id(), i -> i.cancel("its client cancelled it before the coordinator stopped",
                        Duration.ZERO, now));
                continue;
            }
            Invocation settled = invocation.status() == InvocationStatus.RUNNING
                    ? fail(invocation, "the coordinator stopped while the invocation was running", true)
                    : invocation;
            if (settled.status() == InvocationStatus.QUEUED && expired(settled)) {
                Instant now = clock.instant();
                store.update(settled.id(), i -> i.expire(i.deadlineAt(), Duration.ZERO, now));
            }
            else if (settled.status() == InvocationStatus.QUEUED && settled.mode() == Invocation.Mode.ASYNC
                    && requeue(settled)) {
                requeued++;
            }
            else if (!settled.status().isFinal()) {
                fail(settled, "the coordinator stopped before the invocation ran, and its caller is gone", false);
            }
        }
        if (!unfinished.isEmpty()) {
            log.info("Recovered {} unfinished invocations: {} queued again, the others ended", unfinished.size(),
                    requeued);
        }
    }

    private boolean expired(Invocation invocation) {
        return invocation.deadlineAt() != null && !invocation.deadlineAt().isAfter(clock.instant());
    }

    private boolean requeue(Invocation invocation) {
        try {
            attempts.readmit(invocation, catalog.version(invocation.taskName(), invocation.taskVersion()),
                    new CompletableFuture<>(), new CompletableFuture<>());
            return true;
        }
        catch (TaskNotFoundException ex) {
            fail(invocation, "its task version no longer exists", false);
            return false;
        }
    }

    /**
     * Fails the attempt as the coordinator's fault; with {@code retry}, an asynchronous call is then
     * settled by the retry policy as any failed attempt is (queued again, or dead-lettered).
     */
    private Invocation fail(Invocation invocation, String why, boolean retry) {
        Instant now = clock.instant();
        RetryPolicy retryPolicy = retry ? policyFor(invocation) : policy;
        return store.update(invocation.id(), i -> {
            i.fail(ErrorSource.COORDINATOR, "Coordinator.Restarted", why, null, Duration.ZERO, now);
            if (retry) {
                RecordingObserver.settle(i, retryPolicy, now);
            }
        });
    }

    /** The retry limits of the invocation's task version, or the coordinator's when that version is gone. */
    private RetryPolicy policyFor(Invocation invocation) {
        try {
            return policy.withTask(catalog.version(invocation.taskName(), invocation.taskVersion()).execution());
        }
        catch (TaskNotFoundException ex) {
            // Nothing is lost: requeue() then finds the version gone and fails the call for that reason.
            return policy;
        }
    }
}
