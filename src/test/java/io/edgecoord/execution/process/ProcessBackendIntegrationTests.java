package io.edgecoord.execution.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import io.edgecoord.execution.EnvironmentCallbacks;
import io.edgecoord.execution.EnvironmentHandle;
import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.EnvironmentStartException;
import io.edgecoord.execution.ExitStatus;
import io.edgecoord.runtime.RuntimeApiServer;
import io.edgecoord.runtime.RuntimeCall;
import io.edgecoord.runtime.RuntimeEndpoint;
import io.edgecoord.runtime.RuntimeInvocation;
import io.edgecoord.runtime.RuntimeOutcome;
import io.edgecoord.runtime.TestRuntimeApi;

/** The process backend with a real python3 child process running edgecoord's bootstrap over loopback TCP. */
class ProcessBackendIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(20);

    static final String HANDLERS = """
            import os, subprocess, sys, time

            def ok(event, context):
                print("hello from", context.function_name)
                return {"echo": event, "root": os.environ["LAMBDA_TASK_ROOT"], "cwd": os.getcwd(),
                        "home": os.environ["HOME"]}

            def boom(event, context):
                raise ValueError("bad input")

            def die(event, context):
                print("about to die", flush=True)
                os._exit(3)

            def hang(event, context):
                subprocess.Popen(["sleep", "300"])
                print("spawned", flush=True)
                time.sleep(300)
            """;

    Path root;
    Path code;
    RuntimeApiServer runtimeApi;
    ProcessBackend backend;

    @BeforeEach
    void start() throws Exception {
        root = Files.createTempDirectory(Path.of("/tmp"), "pb");
        code = Files.createDirectories(root.resolve("code"));
        Files.writeString(code.resolve("handlers.py"), HANDLERS);
        runtimeApi = TestRuntimeApi.start(root.resolve("run"));
        backend = new ProcessBackend(new ProcessProperties(root.resolve("process"), "python3", Duration.ofSeconds(1)),
                System.getenv("PATH"));
        backend.init();
    }

    @AfterEach
    void stop() {
        backend.cleanup();
        runtimeApi.stop();
        FileSystemUtils.deleteRecursively(root.toFile());
    }

    @Test
    void runsAPythonHandlerAsAChildProcessAndTakesItsResultAndOutput() throws Exception {
        try (Started env = start("e-ok", "handlers.ok", "python3.11")) {
            RuntimeOutcome outcome = invoke(env, "{\"n\":1}");

            assertThat(outcome).isInstanceOfSatisfying(RuntimeOutcome.Success.class, success ->
                    assertThat(new String(success.body(), StandardCharsets.UTF_8))
                            .contains("\"echo\": {\"n\": 1}")
                            .contains("\"root\": \"" + code + "\"")
                            .contains("\"cwd\": \"" + code + "\"")
                            .contains(root.resolve("process/environments/e-ok").toString()));
            awaitOutput(env, "hello from hello");
            assertThat(backend.status().available()).isTrue();
        }
    }

    @Test
    void reportsAFunctionErrorAndKeepsRunning() throws Exception {
        try (Started env = start("e-boom", "handlers.boom", "python3.11")) {
            assertThat(invoke(env, "{}")).isInstanceOfSatisfying(RuntimeOutcome.FunctionError.class, error -> {
                assertThat(error.errorType()).isEqualTo("ValueError");
                assertThat(error.errorMessage()).isEqualTo("bad input");
            });
            assertThat(env.exit()).isNotDone();
        }
    }

    @Test
    void reportsTheExitOfAProcessThatDiesMidInvocation() throws Exception {
        try (Started env = start("e-die", "handlers.die", "python3.11")) {
            RuntimeCall call = env.endpoint().submit(invocation("r-1", "{}"));

            assertThat(env.exit()).succeedsWithin(WAIT).isEqualTo(new ExitStatus(3, false));
            assertThat(env.output().toString()).contains("about to die");
            assertThat(call.outcome()).isNotDone();
        }
    }

    @Test
    void destroyOnTimeoutKillsTheWholeProcessTreeAndReportsTheExit() throws Exception {
        try (Started env = start("e-hang", "handlers.hang", "python3.11")) {
            env.endpoint().submit(invocation("r-1", "{}"));
            awaitOutput(env, "spawned");
            ProcessHandle runtime = ProcessHandle.of(Long.parseLong(env.handle().backendId())).orElseThrow();
            List<ProcessHandle> tree = runtime.descendants().toList();
            assertThat(tree).isNotEmpty();

            backend.destroy(env.handle());

            assertThat(env.exit()).isDone();
            assertThat(env.exit().get().exitCode()).isIn(137L, 143L);
            assertThat(runtime.isAlive()).isFalse();
            tree.forEach(child -> assertThat(child.onExit()).succeedsWithin(WAIT));
            assertThat(root.resolve("process/pids")).isEmptyDirectory();
        }
    }

    @Test
    void refusesARuntimeItCannotRunWithoutAContainer() {
        try (RuntimeEndpoint endpoint = runtimeApi.openTcp("e-java")) {
            assertThatThrownBy(() -> backend.create("e-java", spec("Handler::handle", "java17"), endpoint,
                    new Recorder()))
                    .isInstanceOf(EnvironmentStartException.class)
                    .hasMessageContaining("java17");
        }
    }

    private Started start(String id, String handler, String runtime) {
        RuntimeEndpoint endpoint = runtimeApi.openTcp(id);
        Recorder recorder = new Recorder();
        EnvironmentHandle handle = backend.create(id, spec(handler, runtime), endpoint, recorder);
        assertThat(endpoint.ready()).succeedsWithin(WAIT);
        return new Started(endpoint, handle, recorder.output, recorder.exit);
    }

    private EnvironmentSpec spec(String handler, String runtime) {
        return new EnvironmentSpec("hello", 1, runtime, handler, 128, Map.of(), code, false);
    }

    private static RuntimeOutcome invoke(Started env, String payload) throws Exception {
        return env.endpoint().submit(invocation("r-1", payload)).outcome().get(WAIT.toSeconds(),
                java.util.concurrent.TimeUnit.SECONDS);
    }

    private static RuntimeInvocation invocation(String id, String payload) {
        return new RuntimeInvocation(id, payload.getBytes(StandardCharsets.UTF_8),
                System.currentTimeMillis() + 60_000, "arn:edgecoord:task:hello:1", null);
    }

    private static void awaitOutput(Started env, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!env.output().toString().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(env.output().toString()).contains(text);
    }

    private record Started(RuntimeEndpoint endpoint, EnvironmentHandle handle, StringBuffer output,
            CompletableFuture<ExitStatus> exit) implements AutoCloseable {

        @Override
        public void close() {
            endpoint.close();
        }
    }

    private static final class Recorder implements EnvironmentCallbacks {

        final StringBuffer output = new StringBuffer();
        final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();

        @Override
        public void output(String text) {
            output.append(text);
        }

        @Override
        public void exited(ExitStatus status) {
            exit.complete(status);
        }
    }
}
