package io.edgecoord.runtime;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One environment's Runtime API endpoint: a unix socket in {@link #socketDirectory()} that the
 * runtime inside the environment polls for invocations and answers on, or, for an environment
 * that runs as a plain process, a loopback port at {@link #tcpAddress()}.
 *
 * <p>Thread-safe. Invocations are handed out in the order they were submitted. The futures
 * this endpoint returns complete on the thread that caused the change (often a Jetty virtual
 * thread), so use the {@code *Async} variants for slow follow-up work.
 */
public final class RuntimeEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuntimeEndpoint.class);

    private final String environmentId;
    private final SocketDirectory directory;
    private final AbstractConnector connector;
    private final InvocationExchange exchange;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** {@code directory} is null for a loopback TCP endpoint. */
    RuntimeEndpoint(String environmentId, SocketDirectory directory, AbstractConnector connector,
            InvocationExchange exchange, Runnable release) {
        this.environmentId = environmentId;
        this.directory = directory;
        this.connector = connector;
        this.exchange = exchange;
        this.release = release;
    }

    /**
     * Queues an invocation for the runtime's next {@code /invocation/next}. After an
     * {@code /init/error} the outcome is that error at once; after {@link #close()} both futures
     * fail with {@link RuntimeEndpointClosedException}.
     *
     * @throws IllegalArgumentException if the request id is already queued or in flight here
     */
    public RuntimeCall submit(RuntimeInvocation invocation) {
        return exchange.submit(invocation);
    }

    /**
     * Completes with the instant of the runtime's first {@code /invocation/next}, when its init
     * is done; fails with {@link RuntimeInitFailedException} or {@link RuntimeEndpointClosedException}.
     */
    public CompletableFuture<Instant> ready() {
        return exchange.ready();
    }

    /**
     * The folder holding {@code runtime.sock}, absolute: bind-mount it into the environment.
     *
     * @throws IllegalStateException for a loopback TCP endpoint, which has no socket
     */
    public Path socketDirectory() {
        if (directory == null) {
            throw new IllegalStateException("Runtime API endpoint of environment " + environmentId
                    + " listens on loopback TCP, not on a unix socket");
        }
        return directory.path();
    }

    /**
     * Where a loopback TCP endpoint listens ({@code 127.0.0.1:<port>}, for
     * {@code AWS_LAMBDA_RUNTIME_API}); empty for a unix socket endpoint.
     */
    public Optional<InetSocketAddress> tcpAddress() {
        return connector instanceof ServerConnector tcp
                ? Optional.of(new InetSocketAddress(tcp.getHost(), tcp.getLocalPort()))
                : Optional.empty();
    }

    public String environmentId() {
        return environmentId;
    }

    /**
     * Stops serving, deletes the socket and its folder, and fails every unanswered call with
     * {@link RuntimeEndpointClosedException}. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        release.run();
        exchange.close();
        try {
            connector.stop();
        }
        catch (Exception ex) {
            log.warn("Runtime API connector of environment {} did not stop cleanly", environmentId, ex);
        }
        if (directory != null) {
            directory.delete();
        }
    }

    AbstractConnector connector() {
        return connector;
    }

    InvocationExchange exchange() {
        return exchange;
    }

    @Override
    public String toString() {
        Object at = directory != null ? directory.socket() : tcpAddress().map(Object::toString).orElse("?");
        return "RuntimeEndpoint[" + environmentId + " at " + at + "]";
    }
}
