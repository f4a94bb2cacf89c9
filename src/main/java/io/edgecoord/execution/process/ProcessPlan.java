package io.edgecoord.execution.process;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.FunctionArns;
import io.edgecoord.execution.EnvironmentStartException;

/**
 * Everything a runtime process is started with: a pure function of the spec and where things are,
 * so that its command and environment are tested without starting anything.
 *
 * @param command the program and its arguments
 * @param env the whole environment of the process; nothing else of the coordinator's is inherited
 * @param workingDirectory the task's code folder
 */
record ProcessPlan(List<String> command, Map<String, String> env, Path workingDirectory) {

    /** The file, under the runtime folder, that runs {@code python3.11} tasks. */
    static final String PYTHON_BOOTSTRAP = "python3.11/bootstrap.py";
    /** The bootstrap and, beside it, the modules Greengrass's Core SDK imports (docs/greengrass.md). */
    static final List<String> PYTHON_RUNTIME_FILES = List.of(PYTHON_BOOTSTRAP,
            "python3.11/greengrass_common/__init__.py", "python3.11/greengrass_common/env_vars.py",
            "python3.11/greengrass_common/function_arn_fields.py", "python3.11/greengrass_ipc_python_sdk/__init__.py",
            "python3.11/greengrass_ipc_python_sdk/ipc_client.py");

    /**
     * Plans the runtime process of one environment.
     *
     * @param spec what to run
     * @param runtimeApi the environment's own Runtime API endpoint on loopback
     * @param runtimeRoot the folder the runtimes' scripts were extracted to
     * @param home the environment's own writable folder, its {@code HOME} and {@code TMPDIR}
     * @param python the Python interpreter
     * @param path the coordinator's {@code PATH}, the one variable of its own a runtime gets
     * @throws EnvironmentStartException for a runtime this mode cannot run
     */
    static ProcessPlan of(EnvironmentSpec spec, InetSocketAddress runtimeApi, Path runtimeRoot, Path home,
            String python, String path) {
        Path code = spec.codeDirectory().toAbsolutePath();
        return new ProcessPlan(command(spec.runtime(), code, runtimeRoot, python),
                env(spec, runtimeApi, code, runtimeRoot, home, path), code);
    }

    static List<String> command(String runtime, Path code, Path runtimeRoot, String python) {
        return switch (runtime) {
            case "python3.11" -> List.of(python, "-u", runtimeRoot.resolve(PYTHON_BOOTSTRAP).toString());
            case "provided" -> List.of(code.resolve("bootstrap").toString());
            default -> throw new EnvironmentStartException("Runtime '" + runtime
                    + "' cannot run without a container; this mode runs python3.11 and provided tasks", null);
        };
    }

    /** PATH and the task's variables, then the runtime's, so a task cannot redirect its Runtime API. */
    static Map<String, String> env(EnvironmentSpec spec, InetSocketAddress runtimeApi, Path code, Path runtimeRoot,
            Path home, String path) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", path == null || path.isBlank() ? "/usr/local/bin:/usr/bin:/bin" : path);
        env.put("LANG", "C.UTF-8");
        env.putAll(spec.environment());
        env.put("_HANDLER", spec.handler() == null ? "" : spec.handler());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.getHostString() + ":" + runtimeApi.getPort());
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.taskName());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", Integer.toString(spec.taskVersion()));
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        env.put("LAMBDA_TASK_ROOT", code.toString());
        env.put("LAMBDA_RUNTIME_DIR", runtimeRoot.toAbsolutePath().toString());
        env.put("HOME", home.toAbsolutePath().toString());
        env.put("TMPDIR", home.toAbsolutePath().toString());
        env.put("TZ", ":UTC");
        env.putAll(FunctionArns.greengrass(spec));
        // The code folder is the coordinator's copy of the artifact: keep Python's caches out of it.
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        return Map.copyOf(env);
    }
}
