package io.edgecoord.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many simulated HTTP devices on one loopback server: {@code GET /devices/{id}/{resource}}
 * answers {@code {"value": x}}, {@code PUT} with the same body stores x. Each device can be made
 * slow, failing (HTTP 500), dropping connections, hanging, or redirecting, and every request is recorded with
 * its start and end (monotonic nanoseconds) so tests can check cadence and concurrency.
 */
public final class DeviceSimulator implements AutoCloseable {

    /** How a simulated device answers. */
    public enum Behaviour {
        ANSWER, FAIL, DROP, HANG, REDIRECT
    }

    /** One request as the device saw it: {@code endNanos} is when its answer started going out. */
    public record Request(String device, String method, String resource, long startNanos, long endNanos) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private final Map<String, Simulated> devices = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    private final CountDownLatch closing = new CountDownLatch(1);

    private final boolean recording;

    private DeviceSimulator(boolean recording) throws IOException {
        this.recording = recording;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        this.server.setExecutor(this.executor);
        this.server.createContext("/devices/", this::handle);
        this.server.start();
    }

    public static DeviceSimulator start() throws IOException {
        return new DeviceSimulator(true);
    }

    /** A simulator that keeps no request log, for long benchmark runs. */
    public static DeviceSimulator startWithoutRecording() throws IOException {
        return new DeviceSimulator(false);
    }

    public String baseUrl(String device) {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/devices/" + device;
    }

    public Simulated device(String id) {
        return this.devices.computeIfAbsent(id, (key) -> new Simulated());
    }

    public List<Request> requests(String device) {
        return this.requests.stream().filter((r) -> r.device().equals(device)).toList();
    }

    public List<Request> requests() {
        return List.copyOf(this.requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String[] parts = exchange.getRequestURI().getPath().split("/");
        if (parts.length != 4) {
            respond(exchange, 404, "{}");
            return;
        }
        String id = parts[2];
        String resource = parts[3];
        Simulated device = device(id);
        int concurrent = device.inFlight.incrementAndGet();
        device.maxInFlight.accumulateAndGet(concurrent, Math::max);
        long answering = 0;
        try {
            sleep(device.latency);
            // Taken before the answer goes out: a client that waits for it can start nothing earlier,
            // whereas a time taken after writing may already be later than its next request's start.
            answering = System.nanoTime();
            switch (device.behaviour) {
                case FAIL -> respond(exchange, 500, "{\"error\":\"simulated\"}");
                case DROP -> exchange.close();
                case HANG -> {
                    this.closing.await(30, TimeUnit.SECONDS);
                    exchange.close();
                }
                case REDIRECT -> {
                    exchange.getResponseHeaders().set("Location", device.location);
                    respond(exchange, 302, "{}");
                }
                case ANSWER -> answer(exchange, device, resource, body);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            device.inFlight.decrementAndGet();
            if (this.recording) {
                this.requests.add(new Request(id, exchange.getRequestMethod(), resource, start,
                        (answering != 0) ? answering : System.nanoTime()));
            }
        }
    }

    private static void answer(HttpExchange exchange, Simulated device, String resource, byte[] body)
            throws IOException {
        if ("PUT".equals(exchange.getRequestMethod())) {
            device.values.put(resource, JSON.readTree(body).get("value"));
            respond(exchange, 204, null);
            return;
        }
        JsonNode value = device.values.get(resource);
        if (value == null) {
            respond(exchange, 404, "{}");
            return;
        }
        respond(exchange, 200, JSON.writeValueAsString(JSON.createObjectNode().set("value", value)));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration latency) throws InterruptedException {
        if (!latency.isZero()) {
            Thread.sleep(latency);
        }
    }

    @Override
    public void close() {
        this.closing.countDown();
        this.server.stop(0);
        this.executor.shutdownNow();
    }

    /** One simulated device; settings may change while it is being polled. */
    public static final class Simulated {

        final Map<String, JsonNode> values = new ConcurrentHashMap<>();

        final AtomicInteger inFlight = new AtomicInteger();

        public final AtomicInteger maxInFlight = new AtomicInteger();

        volatile Duration latency = Duration.ZERO;

        volatile Behaviour behaviour = Behaviour.ANSWER;

        volatile String location;

        public Simulated value(String resource, Object value) {
            this.values.put(resource, JSON.valueToTree(value));
            return this;
        }

        public Simulated latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        public Simulated behaviour(Behaviour behaviour) {
            this.behaviour = behaviour;
            return this;
        }

        /** Answers every request with 302 to {@code location}. */
        public Simulated redirect(String location) {
            this.location = location;
            this.behaviour = Behaviour.REDIRECT;
            return this;
        }

        public JsonNode value(String resource) {
            return this.values.get(resource);
        }
    }
}
