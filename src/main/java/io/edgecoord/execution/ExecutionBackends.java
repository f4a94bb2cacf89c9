package io.edgecoord.execution;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.edgecoord.runtime.RuntimeEndpoint;

/**
 * The backends the coordinator runs environments on, as {@code edgecoord.execution.backend}
 * chose them at start-up (see {@link #choose}): environments of tasks deployed with isolation
 * {@code none} run as plain processes whatever was chosen; the others run in Docker containers,
 * unless the operator chose {@code process}. Isolation is never downgraded on the coordinator's
 * own initiative: without a Docker engine, a container task's environments are refused, not run
 * as processes. Thread-safe.
 */
public final class ExecutionBackends implements ExecutionBackend {

    /** What {@code edgecoord.execution.backend} may say. */
    public enum Setting { DOCKER, PROCESS, AUTO }

    /** How the coordinator counts on the Docker engine for tasks that ask for container isolation. */
    public enum DockerUse {
        /** Container tasks run in Docker and fail fast without its engine ({@code docker}, or {@code auto} that found one). */
        REQUIRED,
        /**
         * {@code auto} found no engine at start-up: container tasks are refused until the engine
         * answers (it is asked again, at most every few seconds, as calls come), then run in Docker.
         */
        WHEN_AVAILABLE,
        /** {@code process}: the operator chose to run every task as a plain process. */
        UNUSED
    }

    private final DockerUse dockerUse;
    private final ExecutionBackend containers;
    private final ExecutionBackend processes;
    /** Which backend made each live environment, so that it is the one to destroy it. */
    private final Map<EnvironmentHandle, ExecutionBackend> owners = new ConcurrentHashMap<>();

    ExecutionBackends(DockerUse dockerUse, ExecutionBackend docker, ExecutionBackend processes) {
        this.dockerUse = dockerUse;
        this.containers = dockerUse == DockerUse.UNUSED ? processes : docker;
        this.processes = processes;
    }

    /** The choice: {@code auto} counts on Docker as {@code docker} does only when its engine answered at start-up. */
    static DockerUse choose(Setting setting, BackendStatus engineAtStartUp) {
        return switch (setting) {
            case DOCKER -> DockerUse.REQUIRED;
            case PROCESS -> DockerUse.UNUSED;
            case AUTO -> engineAtStartUp.available() ? DockerUse.REQUIRED : DockerUse.WHEN_AVAILABLE;
        };
    }

    /** The backend for a spec: plain processes for isolation {@code none}, else the one for containers. */
    ExecutionBackend backendFor(EnvironmentSpec spec) {
        return spec.policy().isolation() == EnvironmentPolicy.Isolation.NONE ? processes : containers;
    }

    /** How the coordinator counts on Docker. */
    public DockerUse dockerUse() {
        return dockerUse;
    }

    @Override
    public void init() {
        containers.init();
        if (processes != containers) {
            processes.init();
        }
    }

    @Override
    public RuntimeTransport runtimeTransport() {
        return containers.runtimeTransport();
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
        (owner == null ? containers : owner).destroy(handle);
    }

    @Override
    public void cleanup() {
        containers.cleanup();
        if (processes != containers) {
            processes.cleanup();
        }
    }

    private EnvironmentHandle owned(ExecutionBackend backend, EnvironmentHandle handle) {
        owners.put(handle, backend);
        return handle;
    }

    /** The status of the backend that runs tasks asking for container isolation. */
    @Override
    public BackendStatus status() {
        return containers.status();
    }

    @Override
    public BackendStatus status(EnvironmentSpec spec) {
        BackendStatus status = backendFor(spec).status();
        if (status.available() || backendFor(spec) == processes || dockerUse != DockerUse.WHEN_AVAILABLE) {
            return status;
        }
        return new BackendStatus(status.backend(), false, "task " + spec.taskName() + " asks for container "
                + "isolation and no Docker engine answers (" + status.detail() + "); tasks deployed with isolation "
                + "'none' still run as plain processes");
    }

    @Override
    public EnvironmentPolicy.Isolation isolation() {
        return containers.isolation();
    }

    @Override
    public EnvironmentPolicy.Isolation isolation(EnvironmentSpec spec) {
        return backendFor(spec).isolation();
    }
}
