package io.edgecoord.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.edgecoord.execution.ExecutionBackends.Kind;
import io.edgecoord.execution.ExecutionBackends.Setting;

class ExecutionBackendsTests {

    static final BackendStatus UP = new BackendStatus("docker", true, "Docker 27");
    static final BackendStatus DOWN = new BackendStatus("docker", false, "connection refused");

    @Test
    void autoTakesDockerWhenItsEngineAnswers() {
        assertThat(ExecutionBackends.choose(Setting.AUTO, UP)).isEqualTo(Kind.DOCKER);
    }

    @Test
    void autoFallsBackToPlainProcessesWithoutAnEngine() {
        assertThat(ExecutionBackends.choose(Setting.AUTO, DOWN)).isEqualTo(Kind.PROCESS);
    }

    @Test
    void anExplicitSettingWinsWhateverTheEngineSays() {
        assertThat(ExecutionBackends.choose(Setting.DOCKER, DOWN)).isEqualTo(Kind.DOCKER);
        assertThat(ExecutionBackends.choose(Setting.PROCESS, UP)).isEqualTo(Kind.PROCESS);
    }
}
