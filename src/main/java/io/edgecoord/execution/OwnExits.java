package io.edgecoord.execution;

import java.util.function.Consumer;

/**
 * Removes an idle environment whose process ended on its own; a busy one is left to its
 * invocation's runner, which sees the exit.
 */
final class OwnExits implements Consumer<Environment> {

    private final EnvironmentPool pool;
    private final EnvironmentFactory factory;
    private final PoolMetrics metrics;
    private final PoolEvents events;

    OwnExits(EnvironmentPool pool, EnvironmentFactory factory, PoolMetrics metrics, PoolEvents events) {
        this.pool = pool;
        this.factory = factory;
        this.metrics = metrics;
        this.events = events;
    }

    @Override
    public void accept(Environment env) {
        if (pool.removeIfIdle(env)) {
            metrics.evicted(EvictionReason.EXITED);
            Thread.startVirtualThread(() -> {
                factory.destroy(env, env.exitedFuture().join().describe());
                events.publish(PoolChanged.Cause.ENVIRONMENT_REMOVED, env.spec().poolKey());
            });
        }
    }
}
