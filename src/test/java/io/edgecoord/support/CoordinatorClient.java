package io.edgecoord.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running coordinator over real HTTP, as a user's client would. */
public final class CoordinatorClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String key;

    /** A client that sends the tests' admin key. */
    public CoordinatorClient(int port) {
        this(port, TestKeys.ADMIN);
    }

    /** A client that sends {@code key} as its bearer token, or no key when it is {@code null}. */
    public CoordinatorClient(int port, String key) {
        this.base = "http://localhost:" + port;
        this.key = key;
    }

    /** The same coordinator, called with {@code key} (or with none when it is {@code null}). */
    public CoordinatorClient withKey(String key) {
        return new CoordinatorClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), key);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Any request, with the client's key. */
    public HttpResponse<String> request(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public HttpResponse<String> postJson(String path, String body, String... headers) {
        return post(path, "application/json", body, headers);
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** Uploads code as multipart/form-data: a {@code task} JSON part and a {@code code} file part. */
    public HttpResponse<String> deployMultipart(String taskJson, String fileName, byte[] code) {
        String boundary = "edgecoord-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"task\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + taskJson + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"code\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        byte[] body = new byte[head.length + code.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(code, 0, body, head.length, code.length);
        System.arraycopy(tail, 0, body, head.length + code.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Deploys a task whose code is {@code code}, one file sent inline; the caller checks the answer. */
    public HttpResponse<String> deployInline(String name, String runtime, String handler, int memoryMb,
            int timeoutSeconds, String code) {
        return postJson("/api/v1/tasks", """
                {"name": "%s", "runtime": "%s", "handler": "%s", "memoryMb": %d,
                 "timeoutSeconds": %d, "code": {"inline": %s}}
                """.formatted(name, runtime, handler, memoryMb, timeoutSeconds, quote(code)));
    }

    public HttpResponse<String> invoke(String task, String payload, String... headers) {
        return postJson("/api/v1/tasks/" + task + "/invoke", payload, headers);
    }

    public JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    public JsonNode record(String invocationId) {
        return json(get("/api/v1/invocations/" + invocationId));
    }

    /** Polls an invocation's record until it satisfies {@code done}. */
    public JsonNode awaitRecord(String invocationId, Predicate<JsonNode> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> record(invocationId), done::test);
    }

    public JsonNode awaitFinished(String invocationId) {
        return awaitRecord(invocationId, r -> r.path("finishedAt").isString());
    }

    /** Polls an invocation's logs until they contain {@code text}. */
    public String awaitLogs(String invocationId, String text) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/v1/invocations/" + invocationId + "/logs").body(), l -> l.contains(text));
    }

    /** {@code text} as a JSON string literal, for code sent inline in a deploy request. */
    public static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (key != null) {
            request.setHeader("Authorization", "Bearer " + key);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(180)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
