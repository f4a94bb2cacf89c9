package io.edgecoord.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

class RuntimeApiServerTcpTests {

    static final Duration WAIT = Duration.ofSeconds(10);

    Path root;
    RuntimeApiServer server;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        root = Files.createTempDirectory(Path.of("/tmp"), "rt");
        server = TestRuntimeApi.start(root);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        http.close();
        FileSystemUtils.deleteRecursively(root);
    }

    @Test
    void servesEachEnvironmentOnALoopbackPortOfItsOwnWithoutASocket() {
        try (RuntimeEndpoint one = server.openTcp("env-1"); RuntimeEndpoint two = server.openTcp("env-2")) {
            InetSocketAddress address = one.tcpAddress().orElseThrow();
            assertThat(address.getHostString()).isEqualTo("127.0.0.1");
            assertThat(address.getPort()).isPositive().isNotEqualTo(two.tcpAddress().orElseThrow().getPort());
            assertThat(root.resolve("env-1")).doesNotExist();
            assertThatThrownBy(one::socketDirectory).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aUnixEndpointHasNoTcpAddress() {
        try (RuntimeEndpoint endpoint = server.open("env-1")) {
            assertThat(endpoint.tcpAddress()).isEmpty();
        }
    }

    @Test
    void handsOutOnlyItsOwnEnvironmentsInvocationsAndTakesTheResult() throws Exception {
        try (RuntimeEndpoint mine = server.openTcp("env-1"); RuntimeEndpoint other = server.openTcp("env-2")) {
            other.submit(new RuntimeInvocation("theirs", "{}".getBytes(), 0, "arn", null));
            RuntimeCall call = mine.submit(new RuntimeInvocation("mine", "{\"n\":1}".getBytes(), 0, "arn", null));

            HttpResponse<String> next = http.send(request(mine, "/invocation/next").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).hasValue("mine");
            assertThat(next.body()).isEqualTo("{\"n\":1}");

            HttpResponse<String> posted = http.send(request(mine, "/invocation/mine/response")
                    .POST(HttpRequest.BodyPublishers.ofString("42")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);
            assertThat(call.outcome()).succeedsWithin(WAIT)
                    .isInstanceOfSatisfying(RuntimeOutcome.Success.class, s -> assertThat(s.body()).asString().isEqualTo("42"));
        }
    }

    @Test
    void stopsListeningWhenClosed() {
        RuntimeEndpoint endpoint = server.openTcp("env-1");
        HttpRequest next = request(endpoint, "/invocation/next").build();
        endpoint.close();

        assertThatThrownBy(() -> http.send(next, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    private static HttpRequest.Builder request(RuntimeEndpoint endpoint, String path) {
        InetSocketAddress address = endpoint.tcpAddress().orElseThrow();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort()
                + "/2018-06-01/runtime" + path)).timeout(WAIT);
    }
}
