package io.edgecoord.execution;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The pool's meters: environments live and the memory they reserve, starts by kind, evictions by reason. */
final class PoolMetrics {

    private final MeterRegistry meters;

    PoolMetrics(MeterRegistry meters, EnvironmentPool pool) {
        this.meters = meters;
        Gauge.builder("edgecoord.environments.live", pool, EnvironmentPool::size)
                .description("Execution environments alive, idle or busy").register(meters);
        Gauge.builder("edgecoord.environments.memory.reserved", pool, p -> p.reservedMemoryMb() * 1024.0 * 1024.0)
                .baseUnit("bytes").description("Memory reserved by the live execution environments")
                .register(meters);
    }

    void started(EnvironmentSpec spec, StartKind kind) {
        Counter.builder("edgecoord.environment.starts").tag("task", spec.taskName())
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .description("Invocations handed to an environment, by whether it was new (cold) or reused (warm)")
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
