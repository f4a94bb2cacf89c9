package io.edgecoord.runtime;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

import static io.edgecoord.runtime.RuntimeApiServerTests.WAIT;
import static io.edgecoord.runtime.RuntimeApiServerTests.invocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeEndpointTests {

    Path root;
    RuntimeApiServer server;

    @BeforeEach
    void start() throws Exception {
        root = Files.createTempDirectory(Path.of("/tmp"), "rt");
        server = new RuntimeApiServer(new RuntimeProperties(root, DataSize.ofKilobytes(1)),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ofMinutes(1));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        FileSystemUtils.deleteRecursively(root);
    }

    @Test
    void errorCompletesTheCallWithTheRuntimesErrorTypeAndMessage() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            RuntimeCall call = endpoint.submit(invocation("req-1"));
            runtime.next().get();
            String document = "{\"errorMessage\":\"boom\",\"errorType\":\"ValueError\",\"stackTrace\":[\"a\"]}";

            ContentResponse answer = runtime.post("/invocation/req-1/error", document);

            assertThat(answer.getStatus()).isEqualTo(202);
            assertThat(call.outcome()).succeedsWithin(WAIT).isInstanceOfSatisfying(RuntimeOutcome.FunctionError.class,
                    error -> {
                        assertThat(error.errorType()).isEqualTo("ValueError");
                        assertThat(error.errorMessage()).isEqualTo("boom");
                        assertThat(new String(error.body())).isEqualTo(document);
                    });
        }
    }

    @Test
    void initErrorFailsPendingAndLaterSubmissionsAndReadiness() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            RuntimeCall pending = endpoint.submit(invocation("req-1"));

            ContentResponse answer = runtime.request("/init/error").method("POST")
                    .headers(headers -> headers.put("Lambda-Runtime-Function-Error-Type", "Runtime.ImportError"))
                    .body(new org.eclipse.jetty.client.StringRequestContent("no module named app")).send();
            RuntimeCall later = endpoint.submit(invocation("req-2"));

            assertThat(answer.getStatus()).isEqualTo(202);
            for (RuntimeCall call : new RuntimeCall[] { pending, later }) {
                assertThat(call.outcome()).succeedsWithin(WAIT).isEqualTo(call.outcome().join())
                        .isInstanceOfSatisfying(RuntimeOutcome.InitError.class, error -> {
                            assertThat(error.errorType()).isEqualTo("Runtime.ImportError");
                            assertThat(error.errorMessage()).isEqualTo("no module named app");
                        });
                assertThat(call.handedOut()).isCompletedExceptionally();
            }
            assertThat(endpoint.ready()).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(RuntimeInitFailedException.class);
        }
    }

    @Test
    void anOversizedResponseIsRefusedWith413AndFailsTheCall() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            RuntimeCall call = endpoint.submit(invocation("req-1"));
            runtime.next().get();

            ContentResponse answer = runtime.post("/invocation/req-1/response", new byte[1025]);

            assertThat(answer.getStatus()).isEqualTo(413);
            assertThat(answer.getContentAsString()).contains("\"errorType\":\"RequestEntityTooLarge\"");
            assertThat(call.outcome()).succeedsWithin(WAIT).isInstanceOfSatisfying(RuntimeOutcome.FunctionError.class,
                    error -> assertThat(error.errorType()).isEqualTo("Function.ResponseSizeTooLarge"));
        }
    }

    @Test
    void aResponseOfExactlyTheLimitIsAccepted() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            RuntimeCall call = endpoint.submit(invocation("req-1"));
            runtime.next().get();

            assertThat(runtime.post("/invocation/req-1/response", new byte[1024]).getStatus()).isEqualTo(202);
            assertThat(call.outcome()).succeedsWithin(WAIT).isInstanceOf(RuntimeOutcome.Success.class);
        }
    }

    @Test
    void closeFailsWaitingAndInFlightCallsAndRefusesConnections() throws Exception {
        RuntimeEndpoint endpoint = server.open("env-1");
        Path socket = endpoint.socketDirectory().resolve("runtime.sock");
        try (var runtime = RuntimeApiClient.of(endpoint)) {
            RuntimeCall inFlight = endpoint.submit(invocation("req-1"));
            RuntimeCall queued = endpoint.submit(invocation("req-2"));
            runtime.next().get();

            endpoint.close();

            for (RuntimeCall call : new RuntimeCall[] { inFlight, queued }) {
                assertThat(call.outcome()).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                        .withCauseInstanceOf(RuntimeEndpointClosedException.class);
            }
            assertThat(endpoint.submit(invocation("req-3")).outcome()).isCompletedExceptionally();
            assertThat(socket).doesNotExist();
            assertThatThrownBy(() -> SocketChannel.open(StandardProtocolFamily.UNIX)
                    .connect(UnixDomainSocketAddress.of(socket))).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void aWaitingLongPollDoesNotHoldUpOtherEndpoints() throws Exception {
        try (RuntimeEndpoint idle = server.open("env-idle"); RuntimeEndpoint busy = server.open("env-busy");
                var idleRuntime = RuntimeApiClient.of(idle); var busyRuntime = RuntimeApiClient.of(busy)) {
            var idlePolls = java.util.stream.IntStream.range(0, 50).mapToObj(i -> idleRuntime.next()).toList();

            for (int i = 0; i < 20; i++) {
                RuntimeCall call = busy.submit(invocation("req-" + i));
                busyRuntime.next().get();
                busyRuntime.post("/invocation/req-" + i + "/response", "ok");
                assertThat(call.outcome()).succeedsWithin(WAIT);
            }
            assertThat(idlePolls).noneMatch(CompletableFuture::isDone);
        }
    }

    @Test
    void aLongPollOutlivesTheIdleTimeout() throws Exception {
        server.stop();
        server = new RuntimeApiServer(new RuntimeProperties(root, DataSize.ofKilobytes(1)), Clock.systemUTC(),
                Duration.ofMillis(500));
        server.start();
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            var next = runtime.next();
            Thread.sleep(1500);

            endpoint.submit(invocation("req-1"));

            assertThat(next).succeedsWithin(WAIT).satisfies(response -> assertThat(response.getStatus()).isEqualTo(200));
        }
    }

    @Test
    void aPollWhoseConnectionDroppedDoesNotSwallowTheNextInvocation() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            try (SocketChannel dropped = SocketChannel.open(UnixDomainSocketAddress.of(
                    endpoint.socketDirectory().resolve("runtime.sock")))) {
                dropped.write(java.nio.ByteBuffer.wrap(
                        "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n".getBytes()));
                assertThat(endpoint.ready()).succeedsWithin(WAIT);
            }
            Thread.sleep(200);

            RuntimeCall call = endpoint.submit(invocation("req-1"));

            assertThat(runtime.next()).succeedsWithin(WAIT).satisfies(response ->
                    assertThat(response.getHeaders().get("Lambda-Runtime-Aws-Request-Id")).isEqualTo("req-1"));
            assertThat(call.handedOut()).isDone();
        }
    }
}
