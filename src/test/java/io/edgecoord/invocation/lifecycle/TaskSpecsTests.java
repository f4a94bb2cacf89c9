package io.edgecoord.invocation.lifecycle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.task.DeployedTask;
import io.edgecoord.task.TaskExecution;
import io.edgecoord.task.TaskPermissions;
import io.edgecoord.task.TaskRuntime;

import static org.assertj.core.api.Assertions.assertThat;

class TaskSpecsTests {

    private static final DeployedTask TASK = new DeployedTask("reader", 2, TaskRuntime.PYTHON_3_11, "m.handle", 128,
            Duration.ofSeconds(30), Map.of("MODE", "test"), "a".repeat(64), Path.of("/code"), TaskExecution.DEFAULTS,
            Map.of("DB_PASSWORD", "hunter2"), TaskPermissions.NONE);

    @Test
    void secretVariablesAreEnvironmentVariablesLikeTheOthersInsideTheEnvironment() {
        EnvironmentSpec spec = TaskSpecs.spec(TASK);
        assertThat(spec.environment()).containsOnly(Map.entry("MODE", "test"), Map.entry("DB_PASSWORD", "hunter2"));
        assertThat(spec.poolKey()).isEqualTo("reader:2");
    }

    @Test
    void neitherTheTaskNorItsSpecShowsAValueWhenWrittenOut() {
        assertThat(TASK.toString()).contains("DB_PASSWORD").doesNotContain("hunter2");
        assertThat(TaskSpecs.spec(TASK).toString()).contains("reader:2", "DB_PASSWORD", "MODE")
            .doesNotContain("hunter2").doesNotContain("test");
    }
}
