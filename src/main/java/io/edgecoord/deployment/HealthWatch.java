package io.edgecoord.deployment;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.edgecoord.execution.PoolView;
import io.edgecoord.invocation.InvocationCompleted;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.task.DeployedTask;
import io.edgecoord.task.TaskCatalog;

/**
 * Watches the tasks a bundle changed, for the agent's health period: counts their calls and
 * failures from {@link InvocationCompleted}, and reads the coordinator's readiness. One watch at a time.
 */
@Component
class HealthWatch {

    private final ApplicationAvailability availability;

    private final TaskCatalog catalog;

    private final PoolView environments;

    private final AtomicReference<Window> window = new AtomicReference<>();

    HealthWatch(ApplicationAvailability availability, TaskCatalog catalog, PoolView environments) {
        this.availability = availability;
        this.catalog = catalog;
        this.environments = environments;
    }

    void start(Set<String> tasks) {
        this.window.set(new Window(Set.copyOf(tasks), new AtomicInteger(), new AtomicInteger()));
    }

    /** Ends the watch and judges it: readiness, the changed tasks' failures, and their pinned environments. */
    String stop(double failureThreshold, int minInvocations) {
        Window ended = this.window.getAndSet(null);
        boolean ready = this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        String verdict = verdict(ended.calls().get(), ended.failures().get(), ready, failureThreshold, minInvocations);
        if (verdict != null) {
            return verdict;
        }
        Set<String> down = this.catalog.warmTargets().stream()
            .filter((task) -> task.execution().pinned() && ended.tasks().contains(task.name()))
            .filter((task) -> !this.environments.pinnedUp(task.name(), task.version()))
            .map(DeployedTask::name)
            .collect(Collectors.toCollection(TreeSet::new));
        return pinnedDown(down);
    }

    /** Why pinned tasks count as down, or {@code null} when none is: a pure decision. */
    static String pinnedDown(Set<String> down) {
        return down.isEmpty() ? null : "pinned task" + (down.size() == 1 ? " " : "s ") + String.join(", ", down)
                + " did not come up";
    }

    @EventListener
    void completed(InvocationCompleted completed) {
        Window current = this.window.get();
        if (current != null && current.tasks().contains(completed.task())) {
            current.calls().incrementAndGet();
            if (completed.status() != InvocationStatus.SUCCEEDED && completed.status() != InvocationStatus.CANCELLED) {
                current.failures().incrementAndGet();
            }
        }
    }

    /** Why a watched bundle is unhealthy, or {@code null} when it is healthy: a pure decision. */
    static String verdict(int calls, int failures, boolean ready, double failureThreshold, int minInvocations) {
        if (!ready) {
            return "the coordinator stopped accepting traffic (readiness down)";
        }
        if (calls >= minInvocations && calls > 0 && (double) failures / calls > failureThreshold) {
            return failures + " of " + calls + " calls of the changed tasks failed, above the threshold "
                    + failureThreshold;
        }
        return null;
    }

    private record Window(Set<String> tasks, AtomicInteger calls, AtomicInteger failures) {
    }
}
