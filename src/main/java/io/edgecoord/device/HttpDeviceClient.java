package io.edgecoord.device;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP protocol binding. A read is {@code GET baseUrl + path} answering {@code {"value": x}};
 * a write is {@code PUT} with the body {@code {"value": x}} and any 2xx answer. One shared JDK
 * {@link HttpClient} (HTTP/1.1, keep-alive) serves all devices; callers block on virtual threads.
 * Failures are translated here, once, into {@link DeviceCallException}s of a {@link FailureKind}.
 */
final class HttpDeviceClient implements AutoCloseable {

    /** Answers above this are refused as protocol errors rather than buffered. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpClient http;

    private final JsonMapper json;

    HttpDeviceClient(Duration connectTimeout, JsonMapper json) {
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
        this.json = json;
    }

    /** The raw value of one resource. */
    JsonNode read(HttpBinding binding, ProfileResource resource, Duration timeout) throws DeviceCallException {
        HttpRequest request = HttpRequest.newBuilder(uri(binding, resource))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
        byte[] body = send(request, resource);
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
    void write(HttpBinding binding, ProfileResource resource, JsonNode raw, Duration timeout)
            throws DeviceCallException {
        byte[] body = this.json.writeValueAsBytes(this.json.createObjectNode().set("value", raw));
        HttpRequest request = HttpRequest.newBuilder(uri(binding, resource))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
        send(request, resource);
    }

    private byte[] send(HttpRequest request, ProfileResource resource) throws DeviceCallException {
        String what = request.method() + " " + resource.path();
        HttpResponse<byte[]> response;
        try {
            response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (HttpTimeoutException ex) {
            throw new DeviceCallException(FailureKind.TIMEOUT, what + " got no answer within "
                    + request.timeout().map(Duration::toMillis).orElse(0L) + " ms");
        }
        catch (ConnectException ex) {
            throw new DeviceCallException(FailureKind.UNREACHABLE, what + ": connection refused or no route");
        }
        catch (IOException ex) {
            throw new DeviceCallException(FailureKind.UNREACHABLE, what + ": " + ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DeviceCallException(FailureKind.INTERNAL, what + " was interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeviceCallException(FailureKind.DEVICE_ERROR, what + " answered HTTP " + response.statusCode());
        }
        if (response.body().length > MAX_BODY_BYTES) {
            throw new DeviceCallException(FailureKind.PROTOCOL_ERROR,
                    what + " answered more than " + MAX_BODY_BYTES + " bytes");
        }
        return response.body();
    }

    private static URI uri(HttpBinding binding, ProfileResource resource) {
        String path = resource.path();
        return URI.create(binding.baseUrl() + (path.startsWith("/") ? path : "/" + path));
    }

    @Override
    public void close() {
        this.http.close();
    }
}
