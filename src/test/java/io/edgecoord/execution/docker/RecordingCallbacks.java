package io.edgecoord.execution.docker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.edgecoord.execution.EnvironmentCallbacks;
import io.edgecoord.execution.ExitStatus;

/** Callbacks that keep what an environment reported, for tests to wait on and inspect. */
final class RecordingCallbacks implements EnvironmentCallbacks {

    private final StringBuffer output = new StringBuffer();

    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();

    private final AtomicInteger exits = new AtomicInteger();

    @Override
    public void output(String text) {
        output.append(text);
    }

    @Override
    public void exited(ExitStatus status) {
        exits.incrementAndGet();
        exit.complete(status);
    }

    ExitStatus awaitExit() throws Exception {
        return exit.get(60, TimeUnit.SECONDS);
    }

    String output() {
        return output.toString();
    }

    int exitCalls() {
        return exits.get();
    }
}
