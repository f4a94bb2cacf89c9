package io.edgecoord.deployment;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.edgecoord.invocation.InvocationCompleted;
import io.edgecoord.invocation.InvocationStatus;

/**
 * Watches the tasks a bundle changed, for the agent's health period: counts their calls and
 * failures from {@link InvocationCompleted}, and reads the coordinator's readiness. One watch at a time.
 */
@Component
class HealthWatch {

    private final ApplicationAvailability availability;

    private final AtomicReference<Window> window = new AtomicReference<>();

    HealthWatch(ApplicationAvailability availability) {
        this.availability = availability;
    }

    void start(Set<String> tasks) {
        this.window.set(new Window(Set.copyOf(tasks), new AtomicInteger(), new AtomicInteger()));
    }

    /** Ends the watch and judges it. */
    String stop(double failureThreshold, int minInvocations) {
        Window ended = this.window.getAndSet(null);
        boolean ready = this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        return verdict(ended.calls().get(), ended.failures().get(), ready, failureThreshold, minInvocations);
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
