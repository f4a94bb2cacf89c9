package io.edgecoord.execution;

import java.nio.file.Path;

import io.edgecoord.runtime.RuntimeEndpoint;

/**
 * The backend the coordinator runs environments on, chosen once at start-up from
 * {@code edgecoord.execution.backend} (see {@link #choose}); every call goes to it. Thread-safe.
 */
public final class ExecutionBackends implements ExecutionBackend {

    /** What {@code edgecoord.execution.backend} may say. */
    public enum Setting { DOCKER, PROCESS, AUTO }

    /** A backend that can be chosen. */
    public enum Kind { DOCKER, PROCESS }

    private final Kind kind;
    private final ExecutionBackend chosen;

    ExecutionBackends(Kind kind, ExecutionBackend chosen) {
        this.kind = kind;
        this.chosen = chosen;
    }

    /** The choice: {@code auto} takes Docker only when its engine answered at start-up. */
    static Kind choose(Setting setting, BackendStatus docker) {
        return switch (setting) {
            case DOCKER -> Kind.DOCKER;
            case PROCESS -> Kind.PROCESS;
            case AUTO -> docker.available() ? Kind.DOCKER : Kind.PROCESS;
        };
    }

    /** Which backend was chosen. */
    public Kind kind() {
        return kind;
    }

    /** Whether {@code backend} is the one chosen. */
    public boolean uses(ExecutionBackend backend) {
        return chosen == backend;
    }

    @Override
    public void init() {
        chosen.init();
    }

    @Override
    public RuntimeTransport runtimeTransport() {
        return chosen.runtimeTransport();
    }

    @Override
    public EnvironmentHandle create(String environmentId, EnvironmentSpec spec, Path runtimeSocketDirectory,
            EnvironmentCallbacks callbacks) {
        return chosen.create(environmentId, spec, runtimeSocketDirectory, callbacks);
    }

    @Override
    public EnvironmentHandle create(String environmentId, EnvironmentSpec spec, RuntimeEndpoint endpoint,
            EnvironmentCallbacks callbacks) {
        return chosen.create(environmentId, spec, endpoint, callbacks);
    }

    @Override
    public void destroy(EnvironmentHandle handle) {
        chosen.destroy(handle);
    }

    @Override
    public void cleanup() {
        chosen.cleanup();
    }

    @Override
    public BackendStatus status() {
        return chosen.status();
    }
}
