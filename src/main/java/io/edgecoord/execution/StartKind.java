package io.edgecoord.execution;

/** Whether an invocation got a new environment (cold) or reused an idle one (warm). */
public enum StartKind {
    COLD, WARM
}
