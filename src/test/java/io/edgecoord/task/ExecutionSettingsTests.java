package io.edgecoord.task;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.edgecoord.task.DeployTaskRequest.ExecutionRequest;
import io.edgecoord.task.DeployTaskRequest.RetriesRequest;
import io.edgecoord.task.TaskExecution.Isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ExecutionSettingsTests {

    @Test
    void absentObjectsMeanEverySettingAtItsDefault() {
        assertThat(ExecutionSettings.of(TaskRuntime.JAVA_17, null, null)).isEqualTo(TaskExecution.DEFAULTS);
        assertThat(ExecutionSettings.of(TaskRuntime.JAVA_17, execution(null, null, null, null, null, null, null, null,
                null), new RetriesRequest(null, null))).isEqualTo(TaskExecution.DEFAULTS);
    }

    @Test
    void keepsEverySettingGivenWithDurationsInSeconds() {
        TaskExecution execution = ExecutionSettings.of(TaskRuntime.PYTHON_3_11,
                execution("none", 0.5, 1, 4, 600, false, 7, 10, 100), new RetriesRequest(0, 3600));
        assertThat(execution).isEqualTo(new TaskExecution(Isolation.NONE, 0.5, 1, 4, Duration.ofMinutes(10), false, 7,
                10, 100, 0, Duration.ofHours(1)));
    }

    @Test
    void refusesCpusOutsideFiveHundredthsToSixtyFour() {
        refuses(execution(null, 0.04, null, null, null, null, null, null, null), "execution.cpus", "0.04");
        refuses(execution(null, 64.5, null, null, null, null, null, null, null), "execution.cpus", "64.5");
        assertThat(of(execution(null, 0.05, null, null, null, null, null, null, null)).cpus()).isEqualTo(0.05);
        assertThat(of(execution(null, 64.0, null, null, null, null, null, null, null)).cpus()).isEqualTo(64.0);
    }

    @Test
    void refusesMinWarmOutsideZeroToThirtyTwo() {
        refuses(execution(null, null, -1, null, null, null, null, null, null), "execution.minWarm", "0 and 32");
        refuses(execution(null, null, 33, null, null, null, null, null, null), "execution.minWarm", "got 33");
        assertThat(of(execution(null, null, 32, null, null, null, null, null, null)).minWarm()).isEqualTo(32);
    }

    @Test
    void refusesMaxEnvironmentsOutsideOneToTwoHundredFiftySix() {
        refuses(execution(null, null, null, 0, null, null, null, null, null), "execution.maxEnvironments",
                "1 and 256");
        refuses(execution(null, null, null, 257, null, null, null, null, null), "execution.maxEnvironments", "257");
    }

    @Test
    void refusesMoreWarmEnvironmentsThanItMayHave() {
        refuses(execution(null, null, 3, 2, null, null, null, null, null), "execution.minWarm (3)",
                "execution.maxEnvironments (2)");
        assertThat(of(execution(null, null, 2, 2, null, null, null, null, null)).minWarm()).isEqualTo(2);
    }

    @Test
    void refusesKeepAliveOutsideOneSecondToOneDay() {
        refuses(execution(null, null, null, null, 0, null, null, null, null), "execution.keepAliveSeconds",
                "1 and 86400");
        refuses(execution(null, null, null, null, 86_401, null, null, null, null), "execution.keepAliveSeconds");
        assertThat(of(execution(null, null, null, null, 86_400, null, null, null, null)).keepAlive())
            .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void refusesPriorityOutsideZeroToNineAndDefaultsToFive() {
        refuses(execution(null, null, null, null, null, null, -1, null, null), "execution.priority", "0 and 9");
        refuses(execution(null, null, null, null, null, null, 10, null, null), "execution.priority", "got 10");
        assertThat(of(execution(null, null, null, null, null, null, 0, null, null)).priority()).isZero();
        assertThat(of(execution(null, null, null, null, null, null, null, null, null)).priority()).isEqualTo(5);
    }

    @Test
    void refusesWeightOutsideOneToOneHundredAndDefaultsToOne() {
        refuses(execution(null, null, null, null, null, null, null, 0, null), "execution.weight", "1 and 100");
        refuses(execution(null, null, null, null, null, null, null, 101, null), "execution.weight", "got 101");
        assertThat(of(execution(null, null, null, null, null, null, null, null, null)).weight()).isEqualTo(1);
    }

    @Test
    void refusesMaxQueueLengthOutsideOneToOneHundredThousand() {
        refuses(execution(null, null, null, null, null, null, null, null, 0), "execution.maxQueueLength",
                "1 and 100000");
        refuses(execution(null, null, null, null, null, null, null, null, 100_001), "execution.maxQueueLength");
    }

    @Test
    void aPinnedTaskHasOneEnvironment() {
        refuses(execution(null, null, 2, null, null, true, null, null, null), "pinned", "minWarm 2");
        refuses(execution(null, null, null, 2, null, true, null, null, null), "pinned", "maxEnvironments 2");
        TaskExecution pinned = of(execution(null, null, 1, 1, null, true, null, null, null));
        assertThat(pinned.pinned()).isTrue();
        assertThat(pinned.keepsWarm()).isTrue();
    }

    @Test
    void refusesUnknownIsolationNamingTheValidOnes() {
        refuses(execution("vm", null, null, null, null, null, null, null, null), "'vm' is unknown", "'container'",
                "'none'");
        refuses(execution("NONE", null, null, null, null, null, null, null, null), "'NONE' is unknown");
    }

    @Test
    void runsOnlyPythonAndProvidedWithoutAContainer() {
        ExecutionRequest none = execution("none", null, null, null, null, null, null, null, null);
        assertThat(ExecutionSettings.of(TaskRuntime.PYTHON_3_11, none, null).isolation()).isEqualTo(Isolation.NONE);
        assertThat(ExecutionSettings.of(TaskRuntime.PROVIDED, none, null).isolation()).isEqualTo(Isolation.NONE);
        assertThatExceptionOfType(InvalidTaskException.class)
            .isThrownBy(() -> ExecutionSettings.of(TaskRuntime.JAVA_17, none, null))
            .satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("plain process",
                    "python3.11 and provided", "java17", "Use isolation 'container'"));
        assertThat(ExecutionSettings.of(TaskRuntime.JAVA_17, execution("container", null, null, null, null, null,
                null, null, null), null).isolation()).isEqualTo(Isolation.CONTAINER);
    }

    @Test
    void refusesRetriesBeyondLambdasLimits() {
        refusesRetries(new RetriesRequest(-1, null), "retries.maxRetries", "0 and 2");
        refusesRetries(new RetriesRequest(3, null), "retries.maxRetries", "got 3");
        refusesRetries(new RetriesRequest(null, 59), "retries.maxEventAgeSeconds", "60 and 21600");
        refusesRetries(new RetriesRequest(null, 21_601), "retries.maxEventAgeSeconds", "got 21601");
        TaskExecution limits = ExecutionSettings.of(TaskRuntime.PROVIDED, null, new RetriesRequest(2, 60));
        assertThat(limits.maxRetries()).isEqualTo(2);
        assertThat(limits.maxEventAge()).isEqualTo(Duration.ofMinutes(1));
    }

    private static TaskExecution of(ExecutionRequest execution) {
        return ExecutionSettings.of(TaskRuntime.PYTHON_3_11, execution, null);
    }

    private static void refuses(ExecutionRequest execution, String... detail) {
        assertThatExceptionOfType(InvalidTaskException.class).isThrownBy(() -> of(execution))
            .satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains(detail));
    }

    private static void refusesRetries(RetriesRequest retries, String... detail) {
        assertThatExceptionOfType(InvalidTaskException.class)
            .isThrownBy(() -> ExecutionSettings.of(TaskRuntime.PYTHON_3_11, null, retries))
            .satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains(detail));
    }

    static ExecutionRequest execution(String isolation, Double cpus, Integer minWarm, Integer maxEnvironments,
            Integer keepAliveSeconds, Boolean pinned, Integer priority, Integer weight, Integer maxQueueLength) {
        return new ExecutionRequest(isolation, cpus, minWarm, maxEnvironments, keepAliveSeconds, pinned, priority,
                weight, maxQueueLength);
    }
}
