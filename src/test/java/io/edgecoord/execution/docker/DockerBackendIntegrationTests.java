package io.edgecoord.execution.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentHandle;
import io.edgecoord.execution.ExitStatus;

/** What a task sees and is allowed inside its container, on the real engine. */
class DockerBackendIntegrationTests extends ShellIntegrationTest {

    @Test
    void runsTheTaskHardenedAsSeenFromInside() throws Exception {
        var callbacks = new RecordingCallbacks();
        run("""
                grep -E '^(CapEff|NoNewPrivs):' /proc/self/status
                echo uid=$(id -u)
                (echo x > /probe) 2>/dev/null && echo root-writable || echo root-readonly
                echo x > /tmp/probe && echo tmp-writable
                echo interfaces=$(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ,)
                echo pids=$(cat /sys/fs/cgroup/pids/pids.max)
                echo init=$(cat /proc/1/comm)
                """, callbacks, Map.of());

        assertThat(callbacks.awaitExit()).isEqualTo(new ExitStatus(0, false));
        assertThat(callbacks.output()).containsPattern("CapEff:\\s+0000000000000000")
                .containsPattern("NoNewPrivs:\\s+1").contains("uid=10001\n", "root-readonly\n", "tmp-writable\n",
                        "interfaces=lo,\n", "pids=128\n", "init=docker-init\n");
    }

    @Test
    void enforcesTheMemoryLimit() throws Exception {
        var callbacks = new RecordingCallbacks();
        run("python3 -c \"x = b'a' * (300 * 1024 * 1024)\"", callbacks, Map.of());

        ExitStatus status = callbacks.awaitExit();
        System.out.printf("300 MB under a 64 MB limit: %s%n", status);
        assertThat(status.oomKilled() || status.exitCode() == 137).as("%s", status).isTrue();
    }

    @Test
    void streamsOutputAndReportsTheExitCodeOnce() throws Exception {
        var callbacks = new RecordingCallbacks();
        EnvironmentHandle handle = run("echo hello; echo oops >&2; exit 3", callbacks, Map.of());

        assertThat(callbacks.awaitExit()).isEqualTo(new ExitStatus(3, false));
        assertThat(callbacks.output()).contains("hello\n", "oops\n");
        shell.backend.destroy(handle);
        assertThat(callbacks.exitCalls()).isEqualTo(1);
    }

    @Test
    void mountsCodeReadOnlyAndTheSocketFolderWritableWithOurRuntimeApi() throws Exception {
        Files.writeString(code.resolve("handler.txt"), "the code\n");
        var callbacks = new RecordingCallbacks();
        run("""
                cat /var/task/handler.txt
                (echo x > /var/task/new) 2>/dev/null && echo code-writable || echo code-readonly
                echo api=$AWS_LAMBDA_RUNTIME_API handler=$_HANDLER
                echo x > /run/edgecoord/probe && echo socket-folder-writable
                """, callbacks, Map.of("AWS_LAMBDA_RUNTIME_API", "evil.example:80"));

        assertThat(callbacks.awaitExit().exitCode()).isZero();
        assertThat(callbacks.output()).contains("the code\n", "code-readonly\n",
                "api=127.0.0.1:9001 handler=test.handler\n", "socket-folder-writable\n");
        assertThat(sockets.resolve("probe")).exists();
    }

    private EnvironmentHandle run(String command, RecordingCallbacks callbacks, Map<String, String> env) {
        return shell.run(code, sockets, command, 64, callbacks, env);
    }
}
