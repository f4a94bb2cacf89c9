package io.edgecoord.execution;

import java.nio.file.Path;

import io.edgecoord.runtime.RuntimeEndpoint;

/**
 * Where environments really run: the SPI between the resource manager and a backend (Docker
 * containers today). A backend starts the runtime of an {@link EnvironmentSpec} so that it
 * reaches the Runtime API through the unix socket in {@code runtimeSocketDirectory}, streams what
 * the runtime prints, and reports when it exits.
 *
 * <p>Implementations are thread-safe; {@link #create} and {@link #destroy} may be called
 * concurrently for different environments.
 */
public interface ExecutionBackend {

    /** Removes environments left over from an earlier run of this coordinator instance. */
    void init();

    /**
     * Creates and starts an environment.
     *
     * @param environmentId the coordinator's id for it, used in names and labels
     * @param spec what to run, with its limits
     * @param runtimeSocketDirectory the folder holding {@code runtime.sock}, the environment's
     *     own Runtime API endpoint, to be made visible inside the environment at
     *     {@code /run/edgecoord}
     * @param callbacks receives the environment's output and its exit
     * @return the backend's handle on the running environment
     * @throws ExecutionUnavailableException when the backend cannot be reached
     * @throws EnvironmentStartException when the environment cannot be created or started
     */
    EnvironmentHandle create(String environmentId, EnvironmentSpec spec, Path runtimeSocketDirectory,
            EnvironmentCallbacks callbacks);

    /**
     * How this backend's environments reach their Runtime API: a unix socket (the default) or a
     * loopback TCP port, for environments that run as plain processes on this host.
     */
    default RuntimeTransport runtimeTransport() {
        return RuntimeTransport.UNIX_SOCKET;
    }

    /** How environments of this spec reach their Runtime API (a router may send specs to different backends). */
    default RuntimeTransport runtimeTransport(EnvironmentSpec spec) {
        return runtimeTransport();
    }

    /**
     * Creates and starts an environment bound to its open Runtime API endpoint. The default hands
     * the endpoint's socket folder to {@link #create(String, EnvironmentSpec, Path, EnvironmentCallbacks)};
     * backends with {@link RuntimeTransport#LOOPBACK_TCP} override it.
     */
    default EnvironmentHandle create(String environmentId, EnvironmentSpec spec, RuntimeEndpoint endpoint,
            EnvironmentCallbacks callbacks) {
        return create(environmentId, spec, endpoint.socketDirectory(), callbacks);
    }

    /** Stops and removes an environment at once; harmless when it is already gone. */
    void destroy(EnvironmentHandle handle);

    /** Removes every environment of this coordinator instance; called at shutdown. */
    void cleanup();

    /** Whether the backend can create environments now, and if not, why. */
    BackendStatus status();

    /** Whether environments of this spec can be created now (a router may send specs to different backends). */
    default BackendStatus status(EnvironmentSpec spec) {
        return status();
    }

    /** The isolation this backend's environments really have, whatever a spec asked for. */
    EnvironmentPolicy.Isolation isolation();

    /** The isolation environments of this spec really get. */
    default EnvironmentPolicy.Isolation isolation(EnvironmentSpec spec) {
        return isolation();
    }

    /** How an environment reaches its Runtime API endpoint. */
    enum RuntimeTransport {
        /** A unix socket in a folder made visible inside the environment. */
        UNIX_SOCKET,
        /** A port of its own on {@code 127.0.0.1}. */
        LOOPBACK_TCP
    }
}
