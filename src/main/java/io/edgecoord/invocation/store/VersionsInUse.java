package io.edgecoord.invocation.store;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.PoolView;
import io.edgecoord.task.TaskVersionsInUse;

/**
 * Tells the task module's version retention which versions still run or wait to: those of every
 * environment in the execution module's pool, and those that queued and running invocation records
 * name (a call waiting for its retry is QUEUED). Here because this module knows both.
 */
@Component
class VersionsInUse implements TaskVersionsInUse {

    private final InvocationStore invocations;

    private final PoolView pool;

    VersionsInUse(InvocationStore invocations, PoolView pool) {
        this.invocations = invocations;
        this.pool = pool;
    }

    @Override
    public Set<Version> versionsInUse() {
        Set<Version> inUse = new HashSet<>();
        for (EnvironmentSpec spec : this.pool.liveSpecs()) {
            inUse.add(new Version(spec.taskName(), spec.taskVersion()));
        }
        inUse.addAll(this.invocations.versionsNotEnded());
        return inUse;
    }
}
