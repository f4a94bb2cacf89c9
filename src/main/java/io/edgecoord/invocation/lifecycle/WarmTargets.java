package io.edgecoord.invocation.lifecycle;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.edgecoord.execution.WarmPool;
import io.edgecoord.task.TaskCatalog;
import io.edgecoord.task.TaskChanged;

/**
 * Tells the resource manager which task versions to keep started ahead of calls (minimum warm
 * environments, pinned tasks): at start-up, and again after every deploy or delete commits, so
 * that a pinned task starts when it is deployed and when the coordinator starts.
 */
@Component
class WarmTargets {

    private final TaskCatalog catalog;
    private final WarmPool warmPool;

    WarmTargets(TaskCatalog catalog, WarmPool warmPool) {
        this.catalog = catalog;
        this.warmPool = warmPool;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        refresh();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void taskChanged(TaskChanged changed) {
        refresh();
    }

    private synchronized void refresh() {
        warmPool.keepWarm(catalog.warmTargets().stream().map(TaskSpecs::spec).toList());
    }
}
