package io.edgecoord.execution;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Answers what the pool and its budget look like; reads only, under the pool's lock. */
@Component
class PoolQueries implements PoolView {

    private final ExecutionBackend backend;
    private final EnvironmentPool pool;
    private final Placement.Budget budget;
    private final double defaultCpus;
    private final Clock clock;

    PoolQueries(ExecutionBackend backend, EnvironmentPool pool, Placement.Budget budget,
            ExecutionProperties properties, Clock clock) {
        this.backend = backend;
        this.pool = pool;
        this.budget = budget;
        this.defaultCpus = properties.cpusPerEnvironment();
        this.clock = clock;
    }

    @Override
    public void checkFits(EnvironmentSpec spec) {
        double cpus = EnvironmentPool.cpus(spec, defaultCpus);
        if (spec.memoryMb() > budget.memoryMb() || cpus > budget.cpus()) {
            throw new ExceedsBudgetException(spec.taskName(), spec.memoryMb(), cpus, budget);
        }
    }

    @Override
    public BackendStatus admits(EnvironmentSpec spec) {
        BackendStatus status = backend.status(spec);
        if (status.available() || !pool.hasServing(spec.poolKey())) {
            return status;
        }
        return new BackendStatus(status.backend(), true, "warm environments only: " + status.detail());
    }

    @Override
    public BudgetSnapshot budget() {
        long memoryUsed = pool.reservedMemoryMb();
        double cpusUsed = pool.busyCpus(defaultCpus);
        return new BudgetSnapshot(budget.memoryMb(), memoryUsed, Math.max(0, budget.memoryMb() - memoryUsed),
                budget.cpus(), cpusUsed, Math.max(0, budget.cpus() - cpusUsed), budget.environments());
    }

    @Override
    public PoolSnapshot poolSnapshot() {
        return pool.totals();
    }

    @Override
    public Optional<EnvironmentSpec> environment(String environmentId) {
        return pool.find(environmentId).map(Environment::spec);
    }

    @Override
    public List<EnvironmentSpec> liveSpecs() {
        return pool.specs();
    }

    @Override
    public boolean pinnedUp(String task, int version) {
        return environments().stream()
                .anyMatch(env -> env.pinned() && env.task().equals(task) && env.version() == version
                        && (env.state().equals("IDLE") || env.state().equals("BUSY")));
    }

    /** Every live environment as it is now, oldest first. */
    List<EnvironmentSnapshot> environments() {
        return pool.describe(clock.instant());
    }

    /** One live environment as it is now. @throws EnvironmentNotFoundException when none has this id */
    EnvironmentSnapshot describe(String environmentId) {
        return pool.describe(environmentId, clock.instant())
                .orElseThrow(() -> new EnvironmentNotFoundException(environmentId));
    }
}
