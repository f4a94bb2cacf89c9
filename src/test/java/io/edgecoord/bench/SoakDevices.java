package io.edgecoord.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A fleet of HTTP devices on one loopback port, speaking edgecoord's HTTP dialect: any
 * {@code GET <base>/<resource>} answers {@code {"value": x}}. Counts the requests it serves.
 */
final class SoakDevices implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    private SoakDevices(HttpServer server) {
        this.server = server;
    }

    static SoakDevices start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        SoakDevices devices = new SoakDevices(server);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            int n = devices.served.incrementAndGet();
            byte[] body = ("{\"value\": " + (20 + n % 10) + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return devices;
    }

    /** The base URL of device {@code name}. */
    String baseUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    /** The requests served since the last call. */
    int takeServed() {
        return served.getAndSet(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
