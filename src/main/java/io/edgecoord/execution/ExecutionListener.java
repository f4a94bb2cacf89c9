package io.edgecoord.execution;

import java.time.Instant;

/**
 * What the resource manager reports about one invocation while it runs. Calls come from the
 * executing thread and, for output, from the backend's log thread; implementations must be
 * thread-safe and must not block.
 */
public interface ExecutionListener {

    /** The resource manager took the invocation and is getting it an environment. */
    default void acquiring(Instant at) {
    }

    /**
     * The invocation was handed to an environment.
     *
     * @param isolation what the environment really runs with, which its task may not have asked for
     */
    void started(String environmentId, StartKind startKind, EnvironmentPolicy.Isolation isolation, Instant at);

    /**
     * The event was handed to the environment's runtime: at once for a warm environment, after
     * its runtime asked for work for a new one.
     */
    default void handedOver(Instant at) {
    }

    /** A chunk of what the function printed while this invocation was its current one. */
    void output(String text);

    /**
     * No more output will be attributed to this invocation: the environment took its next
     * invocation, went away, or stayed quiet for the settle time after the result. Called once,
     * after {@link ResourceManager#run} has returned.
     */
    void outputClosed();
}
