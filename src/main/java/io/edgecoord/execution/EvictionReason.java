package io.edgecoord.execution;

/** Why an environment was destroyed: the {@code reason} tag of {@code edgecoord.environment.evictions}. */
enum EvictionReason {

    /** The least recently used idle one, to make room for another task version. */
    POOL_FULL("pool-full"),
    /** Idle for the whole keep-alive. */
    KEEP_ALIVE("keep-alive"),
    /** An operator asked for it to go ({@code DELETE /api/v1/environments/{id}}). */
    DRAINED("drained"),
    /** Its invocation ran past the timeout. */
    TIMEOUT("timeout"),
    /** Its process ended, was killed or closed its endpoint. */
    EXITED("exited"),
    /** The runtime failed to initialise or did not ask for work within the init timeout. */
    INIT_ERROR("init-error"),
    /** Its invocation was cancelled while it had the environment ({@link ResourceManager#stop}). */
    CANCELLED("cancelled"),
    /** The coordinator is stopping. */
    SHUTDOWN("shutdown");

    private final String tag;

    EvictionReason(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }
}
