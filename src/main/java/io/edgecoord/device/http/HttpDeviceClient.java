package io.edgecoord.device.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.network.AddressGuard;
import io.edgecoord.device.network.AddressRefusedException;
import io.edgecoord.device.network.GuardedDnsResolver;
import io.edgecoord.device.polling.DeviceCallException;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.registry.HttpBinding;

/**
 * The HTTP protocol binding. A read is {@code GET baseUrl + path} answering {@code {"value": x}};
 * a write is {@code PUT} with the body {@code {"value": x}} and any 2xx answer. One shared Apache
 * HttpClient (HTTP/1.1, pooled keep-alive connections) serves all devices; callers block on
 * virtual threads. Every new connection goes through the {@link AddressGuard}, which resolves the
 * host and judges each address before the client connects to one of them; redirects are never
 * followed. Failures are translated here, once, into {@link DeviceCallException}s of a
 * {@link FailureKind}.
 */
public final class HttpDeviceClient implements AutoCloseable {

    /** Answers above this are refused as protocol errors rather than buffered. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** Connections kept at most; the lanes' caps keep those in use far lower. */
    private static final int MAX_CONNECTIONS = 1024;

    private final CloseableHttpClient http;

    private final JsonMapper json;

    public HttpDeviceClient(Duration connectTimeout, AddressGuard guard, JsonMapper json) {
        ConnectionConfig connections = ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
            .build();
        this.http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(guard))
                .setDefaultConnectionConfig(connections)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .build())
            // A redirect could lead anywhere, the coordinator itself included: a 3xx is the device's failure.
            .disableRedirectHandling()
            .setRetryStrategy(new StaleConnectionRetry())
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .build();
        this.json = json;
    }

    /** The raw value of one resource. */
    public JsonNode read(HttpBinding binding, ProfileResource resource, Duration timeout) throws DeviceCallException {
        HttpGet request = new HttpGet(uri(binding, resource));
        request.setHeader("Accept", "application/json");
        byte[] body = send(request, resource, timeout);
        JsonNode document;
        try {
            document = this.json.readTree(body);
        }
        catch (JacksonException ex) {
            throw new DeviceCallException(FailureKind.PROTOCOL_ERROR,
                    "GET " + resource.path() + " answered a body that is not JSON");
        }
        if (document == null || !document.isObject() || !document.has("value")) {
            throw new DeviceCallException(FailureKind.PROTOCOL_ERROR,
                    "GET " + resource.path() + " answered JSON without a \"value\" member");
        }
        return document.get("value");
    }

    /** Writes the raw value of one resource. */
    public void write(HttpBinding binding, ProfileResource resource, JsonNode raw, Duration timeout)
            throws DeviceCallException {
        byte[] body = this.json.writeValueAsBytes(this.json.createObjectNode().set("value", raw));
        HttpPut request = new HttpPut(uri(binding, resource));
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        send(request, resource, timeout);
    }

    private byte[] send(HttpUriRequestBase request, ProfileResource resource, Duration timeout)
            throws DeviceCallException {
        String what = request.getMethod() + " " + resource.path();
        request.setConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(timeout))
            .setConnectionRequestTimeout(Timeout.of(timeout))
            .build());
        try (ClassicHttpResponse response = this.http.executeOpen(null, request, null)) {
            byte[] body = body(response);
            if (body.length > MAX_BODY_BYTES) {
                // Drop the connection rather than read the rest of an endless body.
                request.cancel();
            }
            int status = response.getCode();
            if (status / 100 == 3) {
                throw new DeviceCallException(FailureKind.DEVICE_ERROR,
                        what + " answered HTTP " + status + "; redirects are not followed");
            }
            if (status / 100 != 2) {
                throw new DeviceCallException(FailureKind.DEVICE_ERROR, what + " answered HTTP " + status);
            }
            if (body.length > MAX_BODY_BYTES) {
                throw new DeviceCallException(FailureKind.PROTOCOL_ERROR,
                        what + " answered more than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
        catch (AddressRefusedException ex) {
            throw new DeviceCallException(FailureKind.REFUSED, what + " not sent: " + ex.getMessage());
        }
        catch (SocketTimeoutException ex) {
            throw new DeviceCallException(FailureKind.TIMEOUT, what + " got no answer within " + timeout.toMillis()
                    + " ms" + ((ex instanceof ConnectTimeoutException) ? " (connect)" : ""));
        }
        catch (ConnectException ex) {
            throw new DeviceCallException(FailureKind.UNREACHABLE, what + ": connection refused or no route");
        }
        catch (UnknownHostException ex) {
            throw new DeviceCallException(FailureKind.UNREACHABLE, what + ": unknown host " + ex.getMessage());
        }
        catch (IllegalStateException ex) {
            // The client's pool refuses leases once closed: a poll that raced the coordinator's shutdown.
            throw new DeviceCallException(FailureKind.INTERNAL, what + ": the device client is closed");
        }
        catch (IOException ex) {
            if (Thread.currentThread().isInterrupted()) {
                throw new DeviceCallException(FailureKind.INTERNAL, what + " was interrupted");
            }
            throw new DeviceCallException(FailureKind.UNREACHABLE, what + ": " + ex);
        }
    }

    /** At most {@link #MAX_BODY_BYTES} + 1 bytes of the body: enough to tell that it is too long. */
    private static byte[] body(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        InputStream in = entity.getContent();
        return in.readNBytes(MAX_BODY_BYTES + 1);
    }

    private static URI uri(HttpBinding binding, ProfileResource resource) {
        String path = resource.path();
        return URI.create(binding.baseUrl() + (path.startsWith("/") ? path : "/" + path));
    }

    @Override
    public void close() {
        this.http.close(CloseMode.IMMEDIATE);
    }
}
