package io.edgecoord.execution.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentHandle;
import io.edgecoord.execution.EnvironmentStartException;

/** Creating, destroying and sweeping containers on the real engine, and what failures say. */
class DockerBackendLifecycleIntegrationTests extends ShellIntegrationTest {

    @Test
    void destroyKillsAndRemovesTheContainerAndReportsItsExitFirst() throws Exception {
        var callbacks = new RecordingCallbacks();
        EnvironmentHandle handle = shell.run(code, sockets, "sleep 300", 64, callbacks, Map.of());
        long started = System.nanoTime();

        shell.backend.destroy(handle);

        System.out.printf("destroy took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(callbacks.exitCalls()).isEqualTo(1);
        assertThat(callbacks.awaitExit().exitCode()).isIn(137L, -1L);
        assertThatThrownBy(() -> shell.docker.requests().inspectContainerCmd(handle.backendId()).exec())
                .isInstanceOf(NotFoundException.class);
        shell.backend.destroy(handle); // harmless when gone
    }

    @Test
    void refusesASecondEnvironmentOfTheSameIdWithTheDaemonsWords() {
        String environmentId = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        shell.backend.create(environmentId, TestShell.spec(code, "sleep 300", 64, Map.of()), sockets,
                new RecordingCallbacks());

        assertThatThrownBy(() -> shell.backend.create(environmentId, TestShell.spec(code, "true", 64, Map.of()), sockets,
                new RecordingCallbacks())).isInstanceOf(EnvironmentStartException.class)
                .hasMessageContaining("is already in use");
    }

    @Test
    void removesTheContainerWhenItCannotStart() {
        var settings = TestSettings.properties(TestShell.HOST, shell.instance);
        var broken = shell.backend(new DockerProperties(settings.host(), settings.instanceId(), 1.0, 128,
                settings.tmpSize(), "nosuchuser", settings.baseImage(), "1m", settings.buildTimeout()));

        assertThatThrownBy(() -> broken.create("unstartable", TestShell.spec(code, "true", 64, Map.of()), sockets,
                new RecordingCallbacks())).isInstanceOf(EnvironmentStartException.class)
                .hasMessageContaining("nosuchuser");
        assertThat(ours()).isEmpty();
    }

    @Test
    void initRemovesLeftoversOfThisInstanceOnly() {
        String mine = leftover(shell.instance);
        String theirs = leftover(shell.instance + "-other");
        try {
            shell.backend.init();

            assertThatThrownBy(() -> shell.docker.requests().inspectContainerCmd(mine).exec())
                    .isInstanceOf(NotFoundException.class);
            assertThat(shell.docker.requests().inspectContainerCmd(theirs).exec().getId()).isEqualTo(theirs);
        }
        finally {
            shell.docker.requests().removeContainerCmd(theirs).withForce(true).exec();
        }
    }

    @Test
    void reportsTheEngineVersion() {
        assertThat(shell.backend.status().available()).isTrue();
        assertThat(shell.backend.status().detail()).matches("Docker \\S+ \\(API 1\\.\\d+\\)");
    }

    private java.util.List<com.github.dockerjava.api.model.Container> ours() {
        return shell.docker.requests().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerPlan.INSTANCE_LABEL, shell.instance)).exec();
    }

    private static String leftover(String instance) {
        return shell.docker.requests().createContainerCmd("debian:bookworm-slim").withCmd("sleep", "300")
                .withLabels(Map.of(ContainerPlan.INSTANCE_LABEL, instance)).exec().getId();
    }
}
