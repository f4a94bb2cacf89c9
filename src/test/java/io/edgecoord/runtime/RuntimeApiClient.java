package io.edgecoord.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Transport;

/** A runtime's side of the Runtime API in tests: real HTTP over an endpoint's unix socket. */
final class RuntimeApiClient implements AutoCloseable {

    static final String BASE = "http://localhost/2018-06-01/runtime";

    private final HttpClient http;
    private final Transport transport;

    RuntimeApiClient(Path socket) throws Exception {
        transport = new Transport.TCPUnix(socket);
        http = new HttpClient(new HttpClientTransportDynamic());
        http.setMaxConnectionsPerDestination(16);
        http.start();
    }

    static RuntimeApiClient of(RuntimeEndpoint endpoint) throws Exception {
        return new RuntimeApiClient(endpoint.socketDirectory().resolve("runtime.sock"));
    }

    CompletableFuture<ContentResponse> next() {
        return new CompletableResponseListener(request("/invocation/next"), 8 << 20).send();
    }

    ContentResponse post(String path, String body) throws Exception {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    ContentResponse post(String path, byte[] body) throws Exception {
        return send(request(path).method(HttpMethod.POST)
                .body(new BytesRequestContent("application/json", body)));
    }

    ContentResponse get(String path) throws Exception {
        return send(request(path));
    }

    Request request(String path) {
        return http.newRequest(BASE + path).transport(transport);
    }

    private static ContentResponse send(Request request) throws Exception {
        return request.timeout(10, TimeUnit.SECONDS).send();
    }

    @Override
    public void close() throws Exception {
        http.stop();
    }
}
