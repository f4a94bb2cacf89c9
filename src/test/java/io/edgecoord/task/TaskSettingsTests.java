package io.edgecoord.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TaskSettingsTests {

    @Test
    void appliesDefaultLimitsAndEmptyEnvironment() {
        TaskSettings settings = TaskSettings.of(request("python3.11", "app.handler", null));
        assertThat(settings.runtime()).isEqualTo(TaskRuntime.PYTHON_3_11);
        assertThat(settings.memoryMb()).isEqualTo(128);
        assertThat(settings.timeoutSeconds()).isEqualTo(30);
        assertThat(settings.environment()).isEmpty();
    }

    @Test
    void refusesUnknownRuntimeListingTheValidOnes() {
        assertThatExceptionOfType(InvalidTaskException.class)
            .isThrownBy(() -> TaskSettings.of(request("nodejs20.x", "index.handler", null)))
            .satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("nodejs20.x", "python3.11, java17, provided"))
            .satisfies((ex) -> assertThat(ex.getBody().getProperties()).containsKey("validRuntimes"));
    }

    @Test
    void requiresHandlerForPythonAndJava() {
        assertThatExceptionOfType(InvalidTaskException.class)
            .isThrownBy(() -> TaskSettings.of(request("python3.11", null, null)))
            .withMessageContaining("needs a handler");
        assertThatExceptionOfType(InvalidTaskException.class)
            .isThrownBy(() -> TaskSettings.of(request("java17", " ", null)))
            .withMessageContaining("needs a handler");
    }

    @Test
    void acceptsProvidedWithoutHandler() {
        assertThat(TaskSettings.of(request("provided", null, null)).handler()).isNull();
    }

    @Test
    void refusesPythonHandlerWithoutFunction() {
        assertThatExceptionOfType(InvalidTaskException.class)
            .isThrownBy(() -> TaskSettings.of(request("python3.11", "app", null)))
            .withMessageContaining("module.function");
    }

    @Test
    void mapsDottedPythonModuleToItsFile() {
        assertThat(TaskSettings.of(request("python3.11", "pkg.sub.app.handler", null)).pythonModuleFile())
            .isEqualTo("pkg/sub/app.py");
    }

    @Test
    void acceptsJavaHandlerWithOrWithoutMethod() {
        assertThat(TaskSettings.of(request("java17", "example.Hello::handleRequest", null)).javaClassFile())
            .isEqualTo("example/Hello.class");
        assertThat(TaskSettings.of(request("java17", "example.Hello", null)).javaClassFile())
            .isEqualTo("example/Hello.class");
        assertThatExceptionOfType(InvalidTaskException.class)
            .isThrownBy(() -> TaskSettings.of(request("java17", "example.Hello::", null)));
    }

    @Test
    void mapsANodeHandlerToTheFilesThatMayHoldIt() {
        assertThat(TaskSettings.of(request("nodejs18.x", "index.handler", null)).nodeModuleFiles())
            .containsExactly("index.js", "index.mjs", "index.cjs");
        assertThat(TaskSettings.of(request("nodejs18.x", "src/v1.2/app.handlers.main", null)).nodeModuleFiles())
            .containsExactly("src/v1.2/app.js", "src/v1.2/app.mjs", "src/v1.2/app.cjs");
    }

    @Test
    void refusesANodeHandlerWithoutAnExport() {
        assertThatExceptionOfType(InvalidTaskException.class)
            .isThrownBy(() -> TaskSettings.of(request("nodejs18.x", "index", null)))
            .withMessageContaining("file.export");
        assertThatExceptionOfType(InvalidTaskException.class)
            .isThrownBy(() -> TaskSettings.of(request("nodejs18.x", null, null)))
            .withMessageContaining("needs a handler");
    }

    @Test
    void refusesReservedEnvironmentNames() {
        for (String name : new String[] { "AWS_REGION", "LAMBDA_TASK_ROOT", "_HANDLER" }) {
            assertThatExceptionOfType(InvalidTaskException.class)
                .isThrownBy(() -> TaskSettings.of(request("provided", null, Map.of(name, "x"))))
                .withMessageContaining("reserved");
        }
    }

    @Test
    void refusesMalformedEnvironmentNames() {
        assertThatExceptionOfType(InvalidTaskException.class)
            .isThrownBy(() -> TaskSettings.of(request("provided", null, Map.of("1ST", "x"))))
            .withMessageContaining("must match");
    }

    @Test
    void refusesEnvironmentOverFourKilobytes() {
        Map<String, String> environment = Map.of("A", "x".repeat(4094), "B", "y");
        assertThatExceptionOfType(InvalidTaskException.class)
            .isThrownBy(() -> TaskSettings.of(request("provided", null, environment)))
            .withMessageContaining("4097 bytes");
        assertThat(TaskSettings.of(request("provided", null, Map.of("A", "x".repeat(4095)))).environment())
            .containsKey("A");
    }

    @Test
    void sortsEnvironmentSoEqualSettingsCompareEqual() {
        TaskSettings settings = TaskSettings.of(request("provided", null, Map.of("B", "2", "A", "1")));
        assertThat(settings.environment().keySet()).containsExactly("A", "B");
        assertThat(settings).isEqualTo(TaskSettings.of(request("provided", null, Map.of("A", "1", "B", "2"))));
    }

    @Test
    void carriesExecutionSettingsAsPartOfEquality() {
        TaskSettings plain = TaskSettings.of(request("provided", null, null));
        DeployTaskRequest warm = new DeployTaskRequest("hello", "provided", null, null, null, null, null, null,
                ExecutionSettingsTests.execution(null, null, 1, null, null, null, null, null, null),
                new DeployTaskRequest.RetriesRequest(0, null), null);
        assertThat(plain.execution()).isEqualTo(TaskExecution.DEFAULTS);
        assertThat(TaskSettings.of(warm).execution().minWarm()).isEqualTo(1);
        assertThat(TaskSettings.of(warm).execution().maxRetries()).isZero();
        assertThat(TaskSettings.of(warm)).isNotEqualTo(plain).isEqualTo(TaskSettings.of(warm));
    }

    @Test
    void checksIsolationAgainstTheRuntime() {
        DeployTaskRequest java = new DeployTaskRequest("hello", "java17", "example.Hello", null, null, null, null,
                null, ExecutionSettingsTests.execution("none", null, null, null, null, null, null, null, null), null,
                null);
        assertThatExceptionOfType(InvalidTaskException.class).isThrownBy(() -> TaskSettings.of(java))
            .withMessageContaining("plain process");
    }

    @Test
    void refusesANodeTaskAsAPlainProcess() {
        DeployTaskRequest node = new DeployTaskRequest("hello", "nodejs18.x", "index.handler", null, null, null, null,
                null, ExecutionSettingsTests.execution("none", null, null, null, null, null, null, null, null), null,
                null);
        assertThatExceptionOfType(InvalidTaskException.class).isThrownBy(() -> TaskSettings.of(node))
            .withMessageContaining("nodejs18.x tasks need their runtime's container image");
    }

    @Test
    void keepsSecretVariablesOutOfTheSettingsButChecksThemBesideTheOthers() {
        DeployTaskRequest request = withSecrets(Map.of("MODE", "test"), Map.of("DB_PASSWORD", "hunter2"));
        assertThat(TaskSettings.of(request).environment()).containsOnlyKeys("MODE");
        assertThat(SecretEnvironment.of(request).values()).containsExactly(Map.entry("DB_PASSWORD", "hunter2"));
        assertThat(SecretEnvironment.of(request("provided", null, null)).values()).isEmpty();
    }

    @Test
    void refusesASecretVariableThatIsAlsoAPlainOne() {
        assertThatExceptionOfType(InvalidTaskException.class)
            .isThrownBy(() -> TaskSettings.of(withSecrets(Map.of("TOKEN", "a"), Map.of("TOKEN", "hunter2"))))
            .satisfies((ex) -> assertThat(ex.getBody().getDetail()).isEqualTo("variable 'TOKEN' is in both "
                    + "environment and secretEnvironment; give it in one of them."));
    }

    @Test
    void refusesReservedOrMalformedSecretNamesWithoutShowingTheValue() {
        for (String name : new String[] { "AWS_SECRET_ACCESS_KEY", "LAMBDA_X", "1ST", "A-B" }) {
            assertThatExceptionOfType(InvalidTaskException.class)
                .isThrownBy(() -> TaskSettings.of(withSecrets(null, Map.of(name, "hunter2"))))
                .satisfies((ex) -> assertThat(ex.getBody().getDetail()).startsWith("secretEnvironment variable")
                    .doesNotContain("hunter2"));
        }
    }

    @Test
    void secretAndPlainVariablesShareTheFourKilobytes() {
        DeployTaskRequest over = withSecrets(Map.of("A", "x".repeat(2000)), Map.of("B", "y".repeat(2095)));
        assertThatExceptionOfType(InvalidTaskException.class).isThrownBy(() -> TaskSettings.of(over))
            .satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("4097 bytes").doesNotContain("yyy"));
        assertThat(TaskSettings.of(withSecrets(Map.of("A", "x".repeat(2000)), Map.of("B", "y".repeat(2094)))))
            .isNotNull();
    }

    @Test
    void boundsTheNumberOfSecretVariables() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= TaskSettings.MAX_SECRET_VARIABLES; i++) {
            many.put("S" + i, "v");
        }
        assertThatExceptionOfType(InvalidTaskException.class).isThrownBy(() -> TaskSettings.of(withSecrets(null, many)))
            .withMessageContaining("secretEnvironment has 65 variables; at most 64");
    }

    @Test
    void carriesPermissionsAsPartOfEquality() {
        DeployTaskRequest.PermissionsRequest invoke = new DeployTaskRequest.PermissionsRequest(null,
                List.of("report-*"), null, null, null);
        DeployTaskRequest granted = new DeployTaskRequest("hello", "provided", null, null, null, null, null, null,
                null, null, invoke);
        TaskSettings plain = TaskSettings.of(request("provided", null, null));
        assertThat(plain.permissions()).isEqualTo(TaskPermissions.NONE);
        assertThat(TaskSettings.of(granted).permissions().invoke()).containsExactly("report-*");
        assertThat(TaskSettings.of(granted)).isNotEqualTo(plain).isEqualTo(TaskSettings.of(granted));
    }

    @Test
    void theRequestsTextNamesSecretVariablesButShowsNoValue() {
        assertThat(withSecrets(Map.of("MODE", "test"), Map.of("DB_PASSWORD", "hunter2")).toString())
            .contains("DB_PASSWORD", "MODE=test").doesNotContain("hunter2");
        assertThat(new SecretEnvironment(Map.of("DB_PASSWORD", "hunter2")).toString()).isEqualTo(
                "SecretEnvironment[DB_PASSWORD]");
    }

    private static DeployTaskRequest withSecrets(Map<String, String> environment, Map<String, String> secrets) {
        return new DeployTaskRequest("hello", "provided", null, null, null, environment, secrets, null, null, null,
                null);
    }

    static DeployTaskRequest request(String runtime, String handler, Map<String, String> environment) {
        return new DeployTaskRequest("hello", runtime, handler, null, null, environment, null, null, null, null,
                null);
    }
}
