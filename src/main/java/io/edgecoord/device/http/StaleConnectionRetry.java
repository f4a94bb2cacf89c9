package io.edgecoord.device.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * The HTTP binding's retries: an idempotent request is sent once more, at once, when a kept-alive
 * connection turns out closed by the device (as the JDK client did for GET); never after a
 * timeout, an interrupt, a refused address or connection, and never because of a status.
 */
final class StaleConnectionRetry extends DefaultHttpRequestRetryStrategy {

    StaleConnectionRetry() {
        super(1, TimeValue.ZERO_MILLISECONDS, List.of(InterruptedIOException.class, UnknownHostException.class,
                ConnectException.class, ConnectionClosedException.class, NoRouteToHostException.class,
                SSLException.class), List.of());
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        // An interrupt closes the socket a virtual thread is blocked on: a shutdown, not a stale connection.
        return !Thread.currentThread().isInterrupted() && super.retryRequest(request, exception, execCount, context);
    }
}
