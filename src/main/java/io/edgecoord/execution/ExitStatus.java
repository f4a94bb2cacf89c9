package io.edgecoord.execution;

/**
 * How an environment ended.
 *
 * @param exitCode the main process's exit code, or {@code -1} when unknown
 * @param oomKilled whether the kernel killed it for exceeding its memory limit
 */
public record ExitStatus(long exitCode, boolean oomKilled) {

    /** A sentence for an invocation's error message. */
    public String describe() {
        if (oomKilled) {
            return "the environment ran out of memory and was killed (exit code " + exitCode + ")";
        }
        return "the environment exited unexpectedly (exit code " + exitCode + ")";
    }
}
