package io.edgecoord.execution;

import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgecoord.runtime.RuntimeApiServer;
import io.edgecoord.runtime.RuntimeEndpoint;

/**
 * Creates and destroys environments: each gets its own Runtime API endpoint, then the backend
 * starts it bound to that endpoint. Whatever was made is undone when a later step fails.
 */
final class EnvironmentFactory {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentFactory.class);

    private final ExecutionBackend backend;
    private final RuntimeApiServer runtimeApi;
    private final Clock clock;

    EnvironmentFactory(ExecutionBackend backend, RuntimeApiServer runtimeApi, Clock clock) {
        this.backend = backend;
        this.runtimeApi = runtimeApi;
        this.clock = clock;
    }

    /** A new environment that holds its place in the pool; nothing runs until {@link #start}. */
    Environment reserve(EnvironmentSpec spec, Consumer<Environment> onExit) {
        return new Environment(newId(), spec, backend.isolation(spec), null, clock.instant(), onExit);
    }

    /** Opens a reserved environment's Runtime API endpoint and has the backend start it. */
    void start(Environment env) {
        String id = env.id();
        EnvironmentSpec spec = env.spec();
        RuntimeEndpoint endpoint = switch (backend.runtimeTransport(spec)) {
            case UNIX_SOCKET -> runtimeApi.open(id);
            case LOOPBACK_TCP -> runtimeApi.openTcp(id);
        };
        env.endpoint(endpoint);
        try {
            env.handle(backend.create(id, spec, endpoint, env));
            log.info("Started environment {} for {} ({})", id, spec.poolKey(), spec.runtime());
        }
        catch (RuntimeException ex) {
            endpoint.close();
            throw ex;
        }
    }

    /** Stops an environment for good: its endpoint first, so it can take nothing more. */
    void destroy(Environment env, String reason) {
        env.outputAttribution().close();
        if (env.endpoint() != null) {
            env.endpoint().close();
        }
        EnvironmentHandle handle = env.handle();
        if (handle != null) {
            backend.destroy(handle);
        }
        log.info("Removed environment {} of {}: {}", env.id(), env.spec().poolKey(), reason);
    }

    /** Short ids: they end up in unix socket paths, which the OS limits to about 107 bytes. */
    private static String newId() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "e" + HexFormat.of().formatHex(bytes);
    }
}
