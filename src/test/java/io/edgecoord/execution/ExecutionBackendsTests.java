package io.edgecoord.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.edgecoord.execution.ExecutionBackends.DockerUse;
import io.edgecoord.execution.ExecutionBackends.Setting;
import io.edgecoord.execution.EnvironmentPolicy.Isolation;

class ExecutionBackendsTests {

    static final BackendStatus UP = new BackendStatus("docker", true, "Docker 27");
    static final BackendStatus DOWN = new BackendStatus("docker", false, "connection refused");

    @Test
    void autoCountsOnDockerWhenItsEngineAnswersAtStartUp() {
        assertThat(ExecutionBackends.choose(Setting.AUTO, UP)).isEqualTo(DockerUse.REQUIRED);
    }

    @Test
    void autoWithoutAnEngineWaitsForOneInsteadOfFallingBackToPlainProcesses() {
        assertThat(ExecutionBackends.choose(Setting.AUTO, DOWN)).isEqualTo(DockerUse.WHEN_AVAILABLE);
    }

    @Test
    void anExplicitSettingWinsWhateverTheEngineSays() {
        assertThat(ExecutionBackends.choose(Setting.DOCKER, DOWN)).isEqualTo(DockerUse.REQUIRED);
        assertThat(ExecutionBackends.choose(Setting.PROCESS, UP)).isEqualTo(DockerUse.UNUSED);
    }

    @Test
    void withoutAnEngineRefusesContainerTasksAndStillRunsTasksWithoutIsolation() {
        ExecutionBackends backends = new ExecutionBackends(DockerUse.WHEN_AVAILABLE, new Fake(DOWN, Isolation.CONTAINER),
                new Fake(PROCESSES, Isolation.NONE));

        assertThat(backends.status(spec(Isolation.CONTAINER)).available()).isFalse();
        assertThat(backends.status(spec(Isolation.CONTAINER)).detail()).contains("task t asks for container isolation",
                "connection refused", "isolation 'none' still run");
        assertThat(backends.status(spec(Isolation.NONE))).isEqualTo(PROCESSES);
    }

    @Test
    void withDockerRequiredAndNoEngineStillRunsTasksWithoutIsolation() {
        ExecutionBackends backends = new ExecutionBackends(DockerUse.REQUIRED, new Fake(DOWN, Isolation.CONTAINER),
                new Fake(PROCESSES, Isolation.NONE));

        assertThat(backends.status(spec(Isolation.CONTAINER))).isEqualTo(DOWN);
        assertThat(backends.status(spec(Isolation.NONE))).isEqualTo(PROCESSES);
    }

    @Test
    void saysTheIsolationEnvironmentsReallyGet() {
        Fake docker = new Fake(UP, Isolation.CONTAINER);
        Fake processes = new Fake(PROCESSES, Isolation.NONE);

        ExecutionBackends containers = new ExecutionBackends(DockerUse.REQUIRED, docker, processes);
        assertThat(containers.isolation(spec(Isolation.CONTAINER))).isEqualTo(Isolation.CONTAINER);
        assertThat(containers.isolation(spec(Isolation.NONE))).isEqualTo(Isolation.NONE);

        ExecutionBackends processesOnly = new ExecutionBackends(DockerUse.UNUSED, docker, processes);
        assertThat(processesOnly.isolation(spec(Isolation.CONTAINER))).isEqualTo(Isolation.NONE);
        assertThat(processesOnly.status(spec(Isolation.CONTAINER))).isEqualTo(PROCESSES);
    }

    static final BackendStatus PROCESSES = new BackendStatus("process", true, "python3");

    private static EnvironmentSpec spec(Isolation isolation) {
        return new EnvironmentSpec("t", 1, "python3.11", "m.f", 128, Map.of(), Path.of("/code"), false,
                new EnvironmentPolicy(isolation, 0, 0, 0, null, false));
    }

    /** A backend that only answers what it is and whether it is there. */
    private record Fake(BackendStatus status, Isolation isolation) implements ExecutionBackend {

        @Override
        public void init() {
        }

        @Override
        public EnvironmentHandle create(String environmentId, EnvironmentSpec spec, Path runtimeSocketDirectory,
                EnvironmentCallbacks callbacks) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void destroy(EnvironmentHandle handle) {
        }

        @Override
        public void cleanup() {
        }
    }
}
