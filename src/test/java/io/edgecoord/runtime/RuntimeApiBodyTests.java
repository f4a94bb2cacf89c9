package io.edgecoord.runtime;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.InputStreamRequestContent;
import org.eclipse.jetty.client.StringRequestContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

import static io.edgecoord.runtime.RuntimeApiServerTests.WAIT;
import static io.edgecoord.runtime.RuntimeApiServerTests.invocation;
import static org.assertj.core.api.Assertions.assertThat;

class RuntimeApiBodyTests {

    Path root;
    RuntimeApiServer server;

    @BeforeEach
    void start() throws Exception {
        root = Files.createTempDirectory(Path.of("/tmp"), "rt");
        server = new RuntimeApiServer(new RuntimeProperties(root, DataSize.ofKilobytes(1)), Clock.systemUTC(),
                Duration.ofMinutes(1));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        FileSystemUtils.deleteRecursively(root);
    }

    @Test
    void anOversizedResponseOfUnknownLengthIsRefusedAndTheConnectionStaysUsable() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            RuntimeCall call = endpoint.submit(invocation("req-1"));
            runtime.next().get();

            ContentResponse answer = runtime.request("/invocation/req-1/response").method("POST")
                    .body(new InputStreamRequestContent(new ByteArrayInputStream(new byte[100_000]))).send();

            assertThat(answer.getStatus()).isEqualTo(413);
            assertThat(call.outcome()).succeedsWithin(WAIT).isInstanceOf(RuntimeOutcome.FunctionError.class);
            endpoint.submit(invocation("req-2"));
            assertThat(runtime.next()).succeedsWithin(WAIT);
            assertThat(runtime.post("/invocation/req-2/response", "ok").getStatus()).isEqualTo(202);
        }
    }

    @Test
    void anErrorThatIsNotJsonTakesItsTypeFromTheHeader() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            RuntimeCall call = endpoint.submit(invocation("req-1"));
            runtime.next().get();

            ContentResponse answer = runtime.request("/invocation/req-1/error").method("POST")
                    .headers(headers -> headers.put("Lambda-Runtime-Function-Error-Type", "Runtime.ExitError"))
                    .body(new StringRequestContent("text/plain", "exit status 2")).send();

            assertThat(answer.getStatus()).isEqualTo(202);
            assertThat(call.outcome()).succeedsWithin(WAIT).isEqualTo(call.outcome().join())
                    .isInstanceOfSatisfying(RuntimeOutcome.FunctionError.class, error -> {
                        assertThat(error.errorType()).isEqualTo("Runtime.ExitError");
                        assertThat(error.errorMessage()).isEqualTo("exit status 2");
                    });
        }
    }

    @Test
    void anOversizedErrorDocumentIsCutAtTheLimit() throws Exception {
        try (RuntimeEndpoint endpoint = server.open("env-1"); var runtime = RuntimeApiClient.of(endpoint)) {
            RuntimeCall call = endpoint.submit(invocation("req-1"));
            runtime.next().get();

            assertThat(runtime.post("/invocation/req-1/error", "x".repeat(5000)).getStatus()).isEqualTo(202);
            assertThat(call.outcome()).succeedsWithin(WAIT).isInstanceOfSatisfying(RuntimeOutcome.FunctionError.class,
                    error -> assertThat(error.body()).hasSize(1024));
        }
    }
}
