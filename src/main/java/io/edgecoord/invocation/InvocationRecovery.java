package io.edgecoord.invocation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.edgecoord.task.TaskCatalog;
import io.edgecoord.task.TaskNotFoundException;

/**
 * At start-up, settles what the last run left unfinished: accepted asynchronous calls that were
 * still queued are queued again (those waiting for a retry once their back-off ends); calls that were running, and synchronous calls whose caller is
 * gone, are failed as the coordinator's fault, since the coordinator cannot know how far they got.
 */
@Component
class InvocationRecovery {

    private static final Logger log = LoggerFactory.getLogger(InvocationRecovery.class);

    private final InvocationRepository repository;
    private final InvocationStore store;
    private final AttemptScheduler attempts;
    private final TaskCatalog catalog;
    private final Clock clock;

    InvocationRecovery(InvocationRepository repository, InvocationStore store, AttemptScheduler attempts,
            TaskCatalog catalog, Clock clock) {
        this.repository = repository;
        this.store = store;
        this.attempts = attempts;
        this.catalog = catalog;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        List<Invocation> unfinished = repository.findByStatusInOrderByAcceptedAt(
                List.of(InvocationStatus.QUEUED, InvocationStatus.RUNNING));
        int requeued = 0;
        for (Invocation invocation : unfinished) {
            if (invocation.status() == InvocationStatus.QUEUED && invocation.mode() == Invocation.Mode.ASYNC
                    && requeue(invocation)) {
                requeued++;
            }
            else if (!invocation.status().isFinal()) {
                fail(invocation, invocation.status() == InvocationStatus.RUNNING
                        ? "the coordinator stopped while the invocation was running"
                        : "the coordinator stopped before the invocation ran, and its caller is gone");
            }
        }
        if (!unfinished.isEmpty()) {
            log.info("Recovered {} unfinished invocations: {} queued again, {} failed", unfinished.size(), requeued,
                    unfinished.size() - requeued);
        }
    }

    private boolean requeue(Invocation invocation) {
        try {
            attempts.schedule(invocation, catalog.version(invocation.taskName(), invocation.taskVersion()),
                    new CompletableFuture<>(), new CompletableFuture<>());
            return true;
        }
        catch (TaskNotFoundException ex) {
            fail(invocation, "its task version no longer exists");
            return false;
        }
    }

    private void fail(Invocation invocation, String why) {
        store.update(invocation.id(), i -> i.fail(ErrorSource.COORDINATOR, "Coordinator.Restarted", why, null,
                Duration.ZERO, clock.instant()));
    }
}
