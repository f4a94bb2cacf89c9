package io.edgecoord.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The Runtime API server: one embedded Jetty whose every thread is virtual, with one unix
 * socket connector per open environment (or, for environments that run as plain processes, one
 * loopback TCP connector, see {@link #openTcp}).
 *
 * <p>It starts before and stops after beans of the default lifecycle phase, so environments
 * can be opened while those start and are stopped before their endpoints close. Stopping
 * closes every endpoint still open. {@link #open} is thread-safe.
 */
@Component
public class RuntimeApiServer implements SmartLifecycle {

    /** Idle connections close after this long; a waiting long poll is exempt. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

    private final Path socketRoot;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Server server;
    private final ConcurrentMap<String, RuntimeEndpoint> endpoints = new ConcurrentHashMap<>();

    @Autowired
    RuntimeApiServer(RuntimeProperties properties, Clock clock, ObjectProvider<EnvironmentServices> services) {
        this(properties, clock, DEFAULT_IDLE_TIMEOUT, services::getIfAvailable);
    }

    RuntimeApiServer(RuntimeProperties properties, Clock clock, Duration idleTimeout) {
        this(properties, clock, idleTimeout, () -> null);
    }

    RuntimeApiServer(RuntimeProperties properties, Clock clock, Duration idleTimeout,
            Supplier<EnvironmentServices> services) {
        this.socketRoot = properties.socketRoot().toAbsolutePath().normalize();
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        VirtualThreadPool threads = new VirtualThreadPool();
        threads.setName("runtime-api");
        this.server = new Server(threads);
        this.server.setHandler(new RuntimeApiHandler(this::exchangeOf, services,
                (int) properties.maxResponseSize().toBytes()));
    }

    /**
     * Serves the Runtime API for one environment on {@code <socketRoot>/<environmentId>/runtime.sock}
     * (folder 0755, socket 0666 so the container's non-root user can connect).
     *
     * @throws RuntimeEndpointOpenException if the server is not running, the id is already open
     *     or unusable as a folder name, the socket path is too long, or the socket cannot be bound
     */
    public RuntimeEndpoint open(String environmentId) {
        checkRunning();
        SocketDirectory directory = SocketDirectory.of(socketRoot, environmentId);
        // No acceptor thread: the connector's one selector accepts; few connections per environment.
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server, 0, 1, httpConnections());
        connector.setUnixDomainPath(directory.socket());
        RuntimeEndpoint endpoint = register(environmentId, directory, connector);
        try {
            directory.create();
            server.addConnector(connector);
            connector.start();
            directory.openSocketToAll();
            return endpoint;
        }
        catch (Exception ex) {
            endpoint.close();
            throw ex instanceof RuntimeEndpointOpenException open ? open
                    : new RuntimeEndpointOpenException("Cannot listen on " + directory.socket() + ": " + ex, ex);
        }
    }

    /**
     * Serves the Runtime API for one environment on {@code 127.0.0.1} at an ephemeral port of its
     * own, for environments that run as plain processes on this host (see
     * {@link RuntimeEndpoint#tcpAddress()}). Any local process can connect to that port: this
     * endpoint trusts the host, as the no-container mode does. As with a socket, the endpoint
     * serves only its own environment's invocations.
     *
     * @throws RuntimeEndpointOpenException if the server is not running, the id is already open
     *     or unusable, or the port cannot be bound
     */
    public RuntimeEndpoint openTcp(String environmentId) {
        checkRunning();
        SocketDirectory.of(socketRoot, environmentId); // the same rules for ids, though no folder is made
        ServerConnector connector = new ServerConnector(server, 0, 1, httpConnections());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        RuntimeEndpoint endpoint = register(environmentId, null, connector);
        try {
            server.addConnector(connector);
            connector.start();
            return endpoint;
        }
        catch (Exception ex) {
            endpoint.close();
            throw new RuntimeEndpointOpenException("Cannot listen on 127.0.0.1 for environment " + environmentId
                    + ": " + ex, ex);
        }
    }

    @Override
    public void start() {
        try {
            Files.createDirectories(socketRoot);
            removeLeftovers();
            server.start();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot start the Runtime API server under " + socketRoot, ex);
        }
    }

    @Override
    public void stop() {
        List.copyOf(endpoints.values()).forEach(RuntimeEndpoint::close);
        try {
            server.stop();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot stop the Runtime API server", ex);
        }
    }

    @Override
    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 8192;
    }

    private void checkRunning() {
        if (!server.isRunning()) {
            throw new RuntimeEndpointOpenException("Runtime API server is not running");
        }
    }

    private HttpConnectionFactory httpConnections() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        return new HttpConnectionFactory(http);
    }

    private RuntimeEndpoint register(String environmentId, SocketDirectory directory, AbstractConnector connector) {
        connector.setName(environmentId);
        connector.setIdleTimeout(idleTimeout.toMillis());
        RuntimeEndpoint endpoint = new RuntimeEndpoint(environmentId, directory, connector,
                new InvocationExchange(environmentId, clock), () -> release(environmentId, connector));
        if (endpoints.putIfAbsent(environmentId, endpoint) != null) {
            throw new RuntimeEndpointOpenException("Runtime API endpoint of environment " + environmentId
                    + " is already open");
        }
        return endpoint;
    }

    private InvocationExchange exchangeOf(Connector connector) {
        RuntimeEndpoint endpoint = endpoints.get(connector.getName());
        return endpoint != null && endpoint.connector() == connector ? endpoint.exchange() : null;
    }

    private void release(String environmentId, Connector connector) {
        endpoints.computeIfPresent(environmentId, (id, open) -> open.connector() == connector ? null : open);
        server.removeConnector(connector);
    }

    /** Sockets of a previous run: no runtime can be connected to them any more. */
    private void removeLeftovers() throws IOException {
        try (Stream<Path> children = Files.list(socketRoot)) {
            children.filter(child -> Files.exists(child.resolve(SocketDirectory.SOCKET_NAME)))
                    .forEach(child -> new SocketDirectory(child).delete());
        }
        catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
    }
}
