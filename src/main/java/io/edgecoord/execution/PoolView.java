package io.edgecoord.execution;

import java.util.List;
import java.util.Optional;

/**
 * What the pool and its budget look like, read-only, for the modules that must know but do not
 * place calls: admission (can a call of this spec run?), the scheduler's status, who calls from
 * inside an environment, what code must stay on disk, whether a pinned task came up.
 */
public interface PoolView {

    /**
     * Whether a call of this spec could ever run here.
     *
     * @throws ExceedsBudgetException when its memory or CPU is more than the whole budget
     */
    void checkFits(EnvironmentSpec spec);

    /**
     * Whether a call of this spec can run now: an environment can be created, or one of its kind
     * is live already. While the engine is away, warm environments go on serving their calls (they
     * talk to the coordinator over their own socket, not through the engine); only a call that
     * would need a new one is refused.
     */
    BackendStatus admits(EnvironmentSpec spec);

    /** The budget and how much of it is held now. */
    BudgetSnapshot budget();

    /** How many environments are live, idle and busy, and the memory they reserve. */
    PoolSnapshot poolSnapshot();

    /** What a live environment runs, for services that must know who is calling from inside it. */
    Optional<EnvironmentSpec> environment(String environmentId);

    /**
     * What every environment in the pool runs, starting, idle, busy or draining: code that must
     * stay on disk while they live.
     */
    List<EnvironmentSpec> liveSpecs();

    /**
     * Whether a pinned environment of this task version is up now (idle or busy, not starting), for
     * whoever must know that a pinned task came up after a change.
     */
    boolean pinnedUp(String task, int version);
}
