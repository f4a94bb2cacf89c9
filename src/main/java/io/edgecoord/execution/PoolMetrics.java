package io.edgecoord.execution;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The pool's meters: environments live and the memory they reserve, starts by kind, evictions by reason. */
final class PoolMetrics {

    private final MeterRegistry meters;

    /**
     * @param budget the budget, for its totals
     * @param defaultCpus what a running call reserves when its task does not say
     */
    PoolMetrics(MeterRegistry meters, EnvironmentPool pool, Placement.Budget budget, double defaultCpus) {
        this.meters = meters;
        Gauge.builder("edgecoord.environments.live", pool, EnvironmentPool::size)
                .description("Execution environments alive, idle or busy").register(meters);
        Gauge.builder("edgecoord.environments.memory.reserved", pool, p -> p.reservedMemoryMb() * 1024.0 * 1024.0)
                .baseUnit("bytes").description("Memory reserved by the live execution environments")
                .register(meters);
        Gauge.builder("edgecoord.budget.memory.used", pool, p -> p.reservedMemoryMb() * 1024.0 * 1024.0)
                .baseUnit("bytes").description("Memory of the budget held by live environments").register(meters);
        Gauge.builder("edgecoord.budget.memory.total", () -> budget.memoryMb() * 1024.0 * 1024.0)
                .baseUnit("bytes").description("Memory live environments may hold together").register(meters);
        Gauge.builder("edgecoord.budget.cpus.used", pool, p -> p.busyCpus(defaultCpus))
                .description("CPUs of the budget held by running calls").register(meters);
        Gauge.builder("edgecoord.budget.cpus.total", budget::cpus)
                .description("CPUs running calls may hold together").register(meters);
    }

    /** An environment started ahead of calls became ready, or failed to. */
    void prewarmed(EnvironmentSpec spec, String outcome) {
        Counter.builder("edgecoord.environment.prewarms").tag("task", spec.taskName()).tag("outcome", outcome)
                .description("Environments started ahead of calls (prewarmed or pinned), by outcome")
                .register(meters).increment();
    }

    void started(EnvironmentSpec spec, StartKind kind) {
        Counter.builder("edgecoord.environment.starts").tag("task", spec.taskName())
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .description("Invocations handed to an environment: new (cold), reused (warm) or started ahead (prewarmed)")
                .register(meters).increment();
        if (kind == StartKind.COLD) {
            // Kept for dashboards made before edgecoord.environment.starts.
            Counter.builder("edgecoord.cold.starts").tag("task", spec.taskName())
                    .description("Invocations that needed a new environment").register(meters).increment();
        }
    }

    void evicted(EvictionReason reason) {
        Counter.builder("edgecoord.environment.evictions").tag("reason", reason.tag())
                .description("Environments destroyed, by reason").register(meters).increment();
    }
}
