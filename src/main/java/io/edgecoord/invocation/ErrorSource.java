package io.edgecoord.invocation;

/** Whose fault a failure is: the function's own, or the coordinator's. */
public enum ErrorSource {
    FUNCTION, COORDINATOR
}
