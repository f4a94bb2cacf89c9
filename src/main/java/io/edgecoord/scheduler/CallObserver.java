package io.edgecoord.scheduler;

import io.edgecoord.execution.ExecutionListener;
import io.edgecoord.execution.ExecutionResult;

/** Follows one scheduled call from start to end; see {@link ExecutionListener} for threading. */
public interface CallObserver extends ExecutionListener {

    /** The call ended; called exactly once per accepted call. */
    void finished(ExecutionResult result);
}
