package io.edgecoord.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;

import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeApiServerTests {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    Path root;
    RuntimeApiServer server;

    @BeforeEach
    void start() throws Exception {
        // Short on purpose: a unix socket path may not exceed 107 bytes.
        root = Files.createTempDirectory(Path.of("/tmp"), "rt");
        server = new RuntimeApiServer(new RuntimeProperties(root, DataSize.ofKilobytes(1)),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        FileSystemUtils.deleteRecursively(root);
    }

    static RuntimeInvocation invocation(String requestId) {
        return new RuntimeInvocation(requestId, "{\"n\":1}".getBytes(), 1767323105000L,
                "arn:edgecoord:task:hello:3", "Root=1-abc");
    }

    @Test
    void nextWaitsForASubmissionThenCarriesItWithAllHeaders() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            var next = runtime.next();
            assertThat(endpoint.ready()).succeedsWithin(WAIT).isEqualTo(NOW);
            Thread.sleep(200);
            assertThat(next).isNotDone();

            RuntimeCall call = endpoint.submit(invocation("req-1"));

            ContentResponse response = next.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).isEqualTo("{\"n\":1}");
            assertThat(response.getHeaders().get("Content-Type")).isEqualTo("application/json");
            assertThat(response.getHeaders().get("Lambda-Runtime-Aws-Request-Id")).isEqualTo("req-1");
            assertThat(response.getHeaders().get("Lambda-Runtime-Deadline-Ms")).isEqualTo("1767323105000");
            assertThat(response.getHeaders().get("Lambda-Runtime-Invoked-Function-Arn"))
                    .isEqualTo("arn:edgecoord:task:hello:3");
            assertThat(response.getHeaders().get("Lambda-Runtime-Trace-Id")).isEqualTo("Root=1-abc");
            assertThat(call.handedOut()).succeedsWithin(WAIT).isEqualTo(NOW);
            assertThat(call.outcome()).isNotDone();
        }
    }

    @Test
    void aClientContextIsSentAsLambdaSendsItAndNoneIsNoHeader() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            endpoint.submit(new RuntimeInvocation("req-1", "{}".getBytes(), 1767323105000L, "arn", null,
                    "{\"custom\":{\"subject\":\"plant/line-1\"}}"));
            endpoint.submit(invocation("req-2"));

            assertThat(runtime.next().get().getHeaders().get("Lambda-Runtime-Client-Context"))
                    .isEqualTo("{\"custom\":{\"subject\":\"plant/line-1\"}}");
            assertThat(runtime.next().get().getHeaders().contains("Lambda-Runtime-Client-Context")).isFalse();
        }
    }

    @Test
    void nextTakesAnInvocationSubmittedBeforeItPolled() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            endpoint.submit(invocation("req-1"));
            endpoint.submit(invocation("req-2"));

            assertThat(runtime.next().get().getHeaders().get("Lambda-Runtime-Aws-Request-Id")).isEqualTo("req-1");
            assertThat(runtime.next().get().getHeaders().get("Lambda-Runtime-Aws-Request-Id")).isEqualTo("req-2");
        }
    }

    @Test
    void responseCompletesTheCallWithSuccess() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            RuntimeCall call = endpoint.submit(invocation("req-1"));
            runtime.next().get();

            ContentResponse answer = runtime.post("/invocation/req-1/response", "{\"ok\":true}");

            assertThat(answer.getStatus()).isEqualTo(202);
            assertThat(answer.getContentAsString()).isEqualTo("{\"status\":\"OK\"}");
            assertThat(call.outcome()).succeedsWithin(WAIT).isInstanceOfSatisfying(RuntimeOutcome.Success.class,
                    success -> assertThat(new String(success.body())).isEqualTo("{\"ok\":true}"));
        }
    }

    @Test
    void answeringTheSameRequestTwiceIsRefused() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            endpoint.submit(invocation("req-1"));
            runtime.next().get();
            runtime.post("/invocation/req-1/response", "1");

            ContentResponse again = runtime.post("/invocation/req-1/response", "2");

            assertThat(again.getStatus()).isEqualTo(400);
            assertThat(again.getContentAsString()).contains("\"errorType\":\"InvalidRequestID\"");
        }
    }

    @Test
    void anotherEnvironmentsRequestIdIsRefused() throws Exception {
        try (RuntimeEndpoint mine = server.open("env-1"); RuntimeEndpoint theirs = server.open("env-2");
                var intruder = RuntimeApiClient.of(theirs); var runtime = RuntimeApiClient.of(mine)) {
            RuntimeCall call = mine.submit(invocation("req-1"));
            runtime.next().get();

            ContentResponse answer = intruder.post("/invocation/req-1/response", "{\"stolen\":true}");
            ContentResponse error = intruder.post("/invocation/req-1/error", "{}");

            assertThat(answer.getStatus()).isEqualTo(400);
            assertThat(answer.getContentAsString()).contains("InvalidRequestID");
            assertThat(error.getStatus()).isEqualTo(400);
            assertThat(call.outcome()).isNotDone();
        }
    }

    @Test
    void anUnknownPathIsNotFound() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            assertThat(runtime.get("/invocation/req-1/nothing").getStatus()).isEqualTo(404);
            assertThat(runtime.post("/invocation/next", "").getStatus()).isEqualTo(405);
        }
    }

    @Test
    void theSocketIsOpenToTheContainersUserAndGoneAfterClose() throws Exception {
        RuntimeEndpoint endpoint = server.open("env-1");
        Path socket = endpoint.socketDirectory().resolve("runtime.sock");

        assertThat(endpoint.socketDirectory()).isEqualTo(root.resolve("env-1"));
        assertThat(Files.getPosixFilePermissions(socket)).hasToString("[OWNER_READ, OWNER_WRITE, GROUP_READ, "
                + "GROUP_WRITE, OTHERS_READ, OTHERS_WRITE]");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(endpoint.socketDirectory()))).isEqualTo("rwxr-xr-x");

        endpoint.close();
        endpoint.close();

        assertThat(socket).doesNotExist();
        assertThat(endpoint.socketDirectory()).doesNotExist();
    }

    @Test
    void aSocketPathOverTheOsLimitIsRefusedClearly() {
        assertThatThrownBy(() -> server.open("e".repeat(110)))
                .isInstanceOf(RuntimeEndpointOpenException.class).hasMessageContaining("over the OS limit of 107");
        assertThatThrownBy(() -> server.open("../escape")).isInstanceOf(RuntimeEndpointOpenException.class);
    }

    @Test
    void anEnvironmentCannotBeOpenedTwice() {
        try (RuntimeEndpoint endpoint = server.open("env-1")) {
            assertThatThrownBy(() -> server.open("env-1")).isInstanceOf(RuntimeEndpointOpenException.class)
                    .hasMessageContaining("already open");
        }
    }

    @Test
    void stoppingTheServerClosesItsEndpoints() {
        RuntimeEndpoint endpoint = server.open("env-1");
        RuntimeCall call = endpoint.submit(invocation("req-1"));

        server.stop();

        assertThat(call.outcome()).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(RuntimeEndpointClosedException.class);
        assertThat(endpoint.socketDirectory()).doesNotExist();
    }
}
