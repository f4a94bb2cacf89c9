package io.edgecoord.execution;

/**
 * How an invocation got its environment: a new one (cold), an idle one that ran a call before
 * (warm), or one started ahead of calls that runs its first (prewarmed).
 */
public enum StartKind {
    COLD, WARM, PREWARMED
}
