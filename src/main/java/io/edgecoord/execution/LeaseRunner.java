package io.edgecoord.execution;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs a placed call in the environment its lease names: removes what placement evicted for it,
 * starts a new environment, hands the call to the {@link InvocationRunner}, then returns the
 * environment to the pool, or destroys it when it may not take another call.
 */
final class LeaseRunner {

    private final EnvironmentPool pool;
    private final EnvironmentFactory factory;
    private final PoolMetrics metrics;
    private final InvocationRunner runner;
    private final Clock clock;
    private final Duration outputSettle;
    private final PoolTimer timer;
    private final PoolEvents events;

    LeaseRunner(EnvironmentPool pool, EnvironmentFactory factory, PoolMetrics metrics, InvocationRunner runner,
            Clock clock, Duration outputSettle, PoolTimer timer, PoolEvents events) {
        this.pool = pool;
        this.factory = factory;
        this.metrics = metrics;
        this.runner = runner;
        this.clock = clock;
        this.outputSettle = outputSettle;
        this.timer = timer;
        this.events = events;
    }

    ExecutionResult run(ResourceManager.Lease lease, ExecutionListener listener) {
        ExecutionRequest request = lease.candidate().request();
        Environment env = lease.environment();
        StartKind kind = lease.kind();
        removeEvicted(lease, "evicted (least recently used) to make room for " + request.spec().poolKey());
        env.outputAttribution().attach(listener);
        if (kind == StartKind.COLD) {
            try {
                factory.start(env);
                pool.markBusy(env);
            }
            catch (ExecutionUnavailableException ex) {
                return notStarted(env, listener, new ExecutionResult.CoordinatorFailed(
                        "Coordinator.ExecutionUnavailable", ex.getBody().getDetail()));
            }
            catch (EnvironmentStartException ex) {
                return notStarted(env, listener, new ExecutionResult.CoordinatorFailed(
                        "Coordinator.EnvironmentStartFailed", ex.getMessage()));
            }
        }
        metrics.started(request.spec(), kind);
        listener.started(env.id(), kind, env.isolation(), clock.instant());
        InvocationRunner.Ran ran = runner.run(env, request, kind);
        ScheduledExecutorService settleTimer = timer.current();
        Optional<EvictionReason> evicted = !ran.reusable() ? Optional.of(ran.eviction())
                : settleTimer == null ? Optional.of(EvictionReason.SHUTDOWN)
                : pool.release(env, clock.instant());
        if (evicted.isEmpty()) {
            env.outputAttribution().settle(outputSettle, settleTimer);
        }
        else {
            if (pool.remove(env)) {
                metrics.evicted(evicted.get());
            }
            factory.destroy(env, evicted.get() == EvictionReason.DRAINED ? "drained after " + ran.reason()
                    : ran.reason());
        }
        events.publish(PoolChanged.Cause.CALL_ENDED, request.spec().poolKey());
        return new ExecutionResult(ran.outcome(), env.id(), kind,
                kind == StartKind.COLD ? env.initDuration() : Duration.ZERO);
    }

    /**
     * Gives back a lease whose call will not run after all (it was cancelled meanwhile): an idle
     * environment goes back to the pool, a reserved one is dropped, and what it evicted is
     * removed as planned.
     */
    void release(ResourceManager.Lease lease) {
        removeEvicted(lease, "evicted to make room for a call that was then cancelled");
        Environment env = lease.environment();
        if (lease.kind() == StartKind.COLD) {
            pool.remove(env);
        }
        else if (pool.giveBack(env).isPresent() && pool.remove(env)) {
            factory.destroy(env, "gone while its lease was given back");
        }
        events.publish(PoolChanged.Cause.LEASE_RETURNED, env.spec().poolKey());
    }

    private void removeEvicted(ResourceManager.Lease lease, String reason) {
        lease.evicted().forEach(victim -> {
            metrics.evicted(EvictionReason.POOL_FULL);
            factory.destroy(victim, reason);
        });
    }

    private ExecutionResult notStarted(Environment env, ExecutionListener listener, ExecutionResult.Outcome outcome) {
        pool.remove(env);
        factory.destroy(env, "failed to start");
        listener.outputClosed();
        events.publish(PoolChanged.Cause.LEASE_RETURNED, env.spec().poolKey());
        return ExecutionResult.notStarted(outcome);
    }
}
