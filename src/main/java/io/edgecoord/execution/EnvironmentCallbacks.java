package io.edgecoord.execution;

/**
 * What a backend reports about one environment. Called from the backend's own threads, in order
 * for each environment; implementations must not block.
 */
public interface EnvironmentCallbacks {

    /** A chunk of what the environment wrote to standard output or standard error. */
    void output(String text);

    /** The environment has exited (on its own, killed, or out of memory). Called at most once. */
    void exited(ExitStatus status);
}
