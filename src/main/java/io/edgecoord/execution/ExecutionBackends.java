package io.edgecoord.execution;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.edgecoord.runtime.RuntimeEndpoint;

/**
 * The backend the coordinator runs environments on, chosen once at start-up from
 * {@code edgecoord.execution.backend} (see {@link #choose}); environments of tasks deployed with
 * isolation {@code none} run as plain processes whatever was chosen. Thread-safe.
 */
public final class ExecutionBackends implements ExecutionBackend {

    /** What {@code edgecoord.execution.backend} may say. */
    public enum Setting { DOCKER, PROCESS, AUTO }

    /** A backend that can be chosen. */
    public enum Kind { DOCKER, PROCESS }

    private final Kind kind;
    private final ExecutionBackend chosen;
    private final ExecutionBackend processes;
    /** Which backend made each live environment, so that it is the one to destroy it. */
    private final Map<EnvironmentHandle, ExecutionBackend> owners = new ConcurrentHashMap<>();

    ExecutionBackends(Kind kind, ExecutionBackend chosen, ExecutionBackend processes) {
        this.kind = kind;
        this.chosen = chosen;
        this.processes = processes;
    }

    ExecutionBackends(Kind kind, ExecutionBackend chosen) {
        this(kind, chosen, chosen);
    }

    /** The backend for a spec: plain processes for isolation {@code none}, else the chosen one. */
    ExecutionBackend backendFor(EnvironmentSpec spec) {
        return spec.policy().isolation() == EnvironmentPolicy.Isolation.NONE ? processes : chosen;
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
        if (processes != chosen) {
            processes.init();
        }
    }

    @Override
    public RuntimeTransport runtimeTransport() {
        return chosen.runtimeTransport();
    }

    @Override
    public RuntimeTransport runtimeTransport(EnvironmentSpec spec) {
        return backendFor(spec).runtimeTransport();
    }

    @Override
    public EnvironmentHandle create(String environmentId, EnvironmentSpec spec, Path runtimeSocketDirectory,
            EnvironmentCallbacks callbacks) {
        return owned(backendFor(spec), backendFor(spec).create(environmentId, spec, runtimeSocketDirectory, callbacks));
    }

    @Override
    public EnvironmentHandle create(String environmentId, EnvironmentSpec spec, RuntimeEndpoint endpoint,
            EnvironmentCallbacks callbacks) {
        return owned(backendFor(spec), backendFor(spec).create(environmentId, spec, endpoint, callbacks));
    }

    @Override
    public void destroy(EnvironmentHandle handle) {
        ExecutionBackend owner = owners.remove(handle);
        (owner == null ? chosen : owner).destroy(handle);
    }

    @Override
    public void cleanup() {
        chosen.cleanup();
        if (processes != chosen) {
            processes.cleanup();
        }
    }

    private EnvironmentHandle owned(ExecutionBackend backend, EnvironmentHandle handle) {
        owners.put(handle, backend);
        return handle;
    }

    @Override
    public BackendStatus status() {
        return chosen.status();
    }
}
