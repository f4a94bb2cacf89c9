package io.edgecoord.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One environment's Runtime API endpoint: a unix socket in {@link #socketDirectory()} that the
 * runtime inside the environment polls for invocations and answers on.
 *
 * <p>Thread-safe. Invocations are handed out in the order they were submitted. The futures
 * this endpoint returns complete on the thread that caused the change (often a Jetty virtual
 * thread), so use the {@code *Async} variants for slow follow-up work.
 */
public final class RuntimeEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuntimeEndpoint.class);

    private final String environmentId;
    private final SocketDirectory directory;
    private final UnixDomainServerConnector connector;
    private final InvocationExchange exchange;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    RuntimeEndpoint(String environmentId, SocketDirectory directory, UnixDomainServerConnector connector,
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

    /** The folder holding {@code runtime.sock}, absolute: bind-mount it into the environment. */
    public Path socketDirectory() {
        return directory.path();
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
        directory.delete();
    }

    UnixDomainServerConnector connector() {
        return connector;
    }

    InvocationExchange exchange() {
        return exchange;
    }

    @Override
    public String toString() {
        return "RuntimeEndpoint[" + environmentId + " at " + directory.socket() + "]";
    }
}
