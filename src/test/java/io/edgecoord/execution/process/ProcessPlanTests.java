package io.edgecoord.execution.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.EnvironmentStartException;

class ProcessPlanTests {

    static final InetSocketAddress API = new InetSocketAddress("127.0.0.1", 40123);
    static final Path RUNTIMES = Path.of("/data/process/runtimes");
    static final Path HOME = Path.of("/data/process/environments/e1");

    static EnvironmentSpec spec(String runtime, Map<String, String> env) {
        return new EnvironmentSpec("hello", 3, runtime, "app.handler", 256, env, Path.of("/data/code/hello-3"), false);
    }

    @Test
    void runsPythonTasksWithTheExtractedBootstrapInTheCodeFolder() {
        ProcessPlan plan = ProcessPlan.of(spec("python3.11", Map.of()), API, RUNTIMES, HOME, "python3", "/usr/bin:/bin");

        assertThat(plan.command()).containsExactly("python3", "-u", "/data/process/runtimes/python3.11/bootstrap.py");
        assertThat(plan.workingDirectory()).isEqualTo(Path.of("/data/code/hello-3"));
    }

    @Test
    void extractsEveryPythonFileOfThePythonRuntimeSoGreengrassModulesAreBesideTheBootstrap() throws Exception {
        Path folder = Path.of(ProcessPlanTests.class.getResource("/runtimes/python3.11/bootstrap.py").toURI()).getParent();
        List<String> onClassPath;
        try (Stream<Path> files = Files.walk(folder)) {
            onClassPath = files.filter(file -> file.toString().endsWith(".py"))
                .map(file -> "python3.11/" + folder.relativize(file).toString().replace('\\', '/')).toList();
        }

        assertThat(ProcessPlan.PYTHON_RUNTIME_FILES).containsExactlyInAnyOrderElementsOf(onClassPath)
            .contains("python3.11/greengrass_ipc_python_sdk/ipc_client.py",
                    "python3.11/greengrass_common/function_arn_fields.py");
    }

    @Test
    void givesPythonTasksTheGreengrassVariables() {
        ProcessPlan plan = ProcessPlan.of(spec("python3.11", Map.of()), API, RUNTIMES, HOME, "python3", "/bin");

        assertThat(plan.env()).containsEntry("MY_FUNCTION_ARN", "arn:aws:lambda:edge:000000000000:function:hello:3")
            .containsEntry("GG_EDGECOORD_SEAM", "/edgecoord/v1/greengrass");
    }

    @Test
    void runsProvidedTasksByTheirOwnBootstrap() {
        ProcessPlan plan = ProcessPlan.of(spec("provided", Map.of()), API, RUNTIMES, HOME, "python3", "/bin");

        assertThat(plan.command()).containsExactly("/data/code/hello-3/bootstrap");
    }

    @Test
    void refusesJavaTasksWithAClearReason() {
        assertThatThrownBy(() -> ProcessPlan.of(spec("java17", Map.of()), API, RUNTIMES, HOME, "python3", "/bin"))
                .isInstanceOf(EnvironmentStartException.class)
                .hasMessageContaining("'java17' cannot run without a container");
    }

    @Test
    void givesTheLambdaVariablesWithTheLoopbackEndpointAndAPrivateHome() {
        ProcessPlan plan = ProcessPlan.of(spec("python3.11", Map.of("GREETING", "hi")), API, RUNTIMES, HOME,
                "python3", "/usr/bin:/bin");

        assertThat(plan.env()).containsEntry("_HANDLER", "app.handler")
                .containsEntry("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:40123")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "hello")
                .containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "3")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
                .containsEntry("LAMBDA_TASK_ROOT", "/data/code/hello-3")
                .containsEntry("HOME", "/data/process/environments/e1")
                .containsEntry("TMPDIR", "/data/process/environments/e1")
                .containsEntry("PATH", "/usr/bin:/bin")
                .containsEntry("GREETING", "hi");
    }

    @Test
    void letsNoTaskVariableRedirectTheRuntimeApiAndPassesNothingElseOfTheCoordinators() {
        ProcessPlan plan = ProcessPlan.of(spec("python3.11",
                Map.of("AWS_LAMBDA_RUNTIME_API", "evil:1", "LAMBDA_TASK_ROOT", "/etc")), API, RUNTIMES, HOME,
                "python3", "/usr/bin");

        assertThat(plan.env()).containsEntry("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:40123")
                .containsEntry("LAMBDA_TASK_ROOT", "/data/code/hello-3")
                .doesNotContainKeys("SPRING_DATASOURCE_PASSWORD", "USER");
    }

    @Test
    void fallsBackToAPlainPathWhenTheCoordinatorHasNone() {
        assertThat(ProcessPlan.env(spec("provided", Map.of()), API, Path.of("/c"), RUNTIMES, HOME, null))
                .containsEntry("PATH", "/usr/local/bin:/usr/bin:/bin");
    }
}
