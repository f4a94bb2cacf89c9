package io.edgecoord.execution;

import java.util.List;

/** Which task versions the pool keeps started ahead of calls; told by whoever knows the tasks. */
public interface WarmPool {

    /**
     * The task versions to keep started ahead of calls: each spec whose policy asks for warm
     * environments or is pinned. Replaces what was given before; idle environments of versions no
     * longer listed go when their keep-alive ends, pinned ones are drained at once.
     */
    void keepWarm(List<EnvironmentSpec> specs);
}
