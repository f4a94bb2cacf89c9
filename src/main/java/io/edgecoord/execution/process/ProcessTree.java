package io.edgecoord.execution.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kills a process and everything it started: SIGTERM to its descendants and to it, then SIGKILL
 * to whatever still runs after the grace. Descendants that were re-parented away (a daemon that
 * double-forked) are out of reach; that is a limit of this mode.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** Kills {@code root} and its descendants, waiting at most {@code grace} before forcing them. */
    static void kill(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        CompletableFuture<?> allGone = CompletableFuture.allOf(
                tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new));
        try {
            allGone.get(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException | ExecutionException stillRunning) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        catch (InterruptedException interrupted) {
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }
}
