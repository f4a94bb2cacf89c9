package io.edgecoord.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.edgecoord.runtime.RuntimeEndpoint;

/**
 * One execution environment as the resource manager tracks it: its backend handle, its own
 * Runtime API endpoint, where it is in its life ({@link EnvironmentLife}) and the invocation its
 * output belongs to. Its life changes only through the {@link EnvironmentPool}, which guards it.
 */
final class Environment implements EnvironmentCallbacks {

    private final String id;
    private final EnvironmentSpec spec;
    private final EnvironmentPolicy.Isolation isolation;
    private volatile RuntimeEndpoint endpoint;
    private final Instant createdAt;
    private final OutputAttribution output = new OutputAttribution();
    private final CompletableFuture<ExitStatus> exited = new CompletableFuture<>();
    private final Consumer<Environment> onExit;
    private volatile EnvironmentHandle handle;
    private EnvironmentLife life;

    /** @param isolation what the backend that runs it really gives, which its spec may not have asked for */
    Environment(String id, EnvironmentSpec spec, EnvironmentPolicy.Isolation isolation, RuntimeEndpoint endpoint,
            Instant createdAt, Consumer<Environment> onExit) {
        this.id = id;
        this.spec = spec;
        this.isolation = isolation;
        this.endpoint = endpoint;
        this.createdAt = createdAt;
        this.life = new EnvironmentLife.Starting(createdAt);
        this.onExit = onExit;
    }

    @Override
    public void output(String text) {
        output.write(text);
    }

    @Override
    public void exited(ExitStatus status) {
        if (exited.complete(status)) {
            onExit.accept(this);
        }
    }

    Duration initDuration() {
        if (endpoint == null) {
            return Duration.ZERO;
        }
        CompletableFuture<Instant> ready = endpoint.ready();
        if (!ready.isDone() || ready.isCompletedExceptionally()) {
            return Duration.ZERO;
        }
        return Duration.between(createdAt, ready.join());
    }

    String id() { return id; }
    EnvironmentSpec spec() { return spec; }
    EnvironmentPolicy.Isolation isolation() { return isolation; }
    RuntimeEndpoint endpoint() { return endpoint; }
    void endpoint(RuntimeEndpoint endpoint) { this.endpoint = endpoint; }
    Instant createdAt() { return createdAt; }
    OutputAttribution outputAttribution() { return output; }
    CompletableFuture<ExitStatus> exitedFuture() { return exited; }
    EnvironmentHandle handle() { return handle; }
    void handle(EnvironmentHandle handle) { this.handle = handle; }

    // Guarded by EnvironmentPool.
    EnvironmentLife life() { return life; }
    void life(EnvironmentLife life) { this.life = life; }
}
