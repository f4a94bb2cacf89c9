package io.edgecoord.task;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The validated settings of a task version, everything but its code.
 *
 * @param name the task's name
 * @param runtime the runtime
 * @param handler the entry point, {@code null} only for {@code provided}
 * @param memoryMb the memory limit in MB
 * @param timeoutSeconds the timeout in seconds
 * @param environment the environment variables, sorted by name
 * @param execution how it is run, scheduled and retried; part of equality, so a redeploy that changes
 *     only these settings makes a new version
 * @param permissions what it may reach from inside its environment; part of equality too
 */
record TaskSettings(String name, TaskRuntime runtime, String handler, int memoryMb, int timeoutSeconds,
        Map<String, String> environment, TaskExecution execution, TaskPermissions permissions) {

    static final int DEFAULT_MEMORY_MB = 128;

    static final int DEFAULT_TIMEOUT_SECONDS = 30;

    static final int MAX_ENVIRONMENT_BYTES = 4096;

    /** Bounds the sealed form: each value grows by a nonce, a tag and base64, which must fit its column. */
    static final int MAX_SECRET_VARIABLES = 64;

    private static final Pattern PYTHON_HANDLER = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)+");

    private static final Pattern JAVA_HANDLER = Pattern
        .compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*(::[A-Za-z_$][\\w$]*)?");

    /** {@code file.export}: the file may sit in folders and has no dot; the export may be a dotted path. */
    private static final Pattern NODE_HANDLER = Pattern
        .compile("([\\w.-]+/)*[\\w-]+(\\.[A-Za-z_$][\\w$]*)+");

    /** The extensions a Node.js handler's file may have, in the order the runtime tries them. */
    private static final List<String> NODE_EXTENSIONS = List.of(".js", ".mjs", ".cjs");

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    TaskSettings {
        environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
        execution = (execution != null) ? execution : TaskExecution.DEFAULTS;
        permissions = (permissions != null) ? permissions : TaskPermissions.NONE;
    }

    /** Settings without permissions. */
    TaskSettings(String name, TaskRuntime runtime, String handler, int memoryMb, int timeoutSeconds,
            Map<String, String> environment, TaskExecution execution) {
        this(name, runtime, handler, memoryMb, timeoutSeconds, environment, execution, TaskPermissions.NONE);
    }

    /** Settings with every execution setting at its default, and no permissions. */
    TaskSettings(String name, TaskRuntime runtime, String handler, int memoryMb, int timeoutSeconds,
            Map<String, String> environment) {
        this(name, runtime, handler, memoryMb, timeoutSeconds, environment, TaskExecution.DEFAULTS);
    }

    /**
     * Checks the rules Bean Validation cannot express and applies the defaults. The secret variables
     * are checked here too, beside the others, but are not part of the result: see {@link SecretEnvironment}.
     * @throws InvalidTaskException naming the first rule broken; never showing a secret value
     */
    static TaskSettings of(DeployTaskRequest request) {
        TaskRuntime runtime = TaskRuntime.fromId(request.runtime())
            .orElseThrow(() -> InvalidTaskException.unknownRuntime(request.runtime()));
        String handler = checkHandler(runtime, request.handler());
        Map<String, String> environment = (request.environment() != null) ? request.environment() : Map.of();
        checkEnvironment(environment, SecretEnvironment.of(request).values());
        TaskExecution execution = ExecutionSettings.of(runtime, request.execution(), request.retries());
        return new TaskSettings(request.name(), runtime, handler,
                (request.memoryMb() != null) ? request.memoryMb() : DEFAULT_MEMORY_MB,
                (request.timeoutSeconds() != null) ? request.timeoutSeconds() : DEFAULT_TIMEOUT_SECONDS, environment,
                execution, PermissionSettings.of(request.permissions()));
    }

    /** The file, relative to the code root, that holds a python handler's module ({@code a/b/mod.py}). */
    String pythonModuleFile() {
        String module = this.handler.substring(0, this.handler.lastIndexOf('.'));
        return module.replace('.', '/') + ".py";
    }

    /** The files, relative to the code root, that may hold a Node.js handler ({@code a/index.js}, .mjs, .cjs). */
    List<String> nodeModuleFiles() {
        int slash = this.handler.lastIndexOf('/');
        String module = this.handler.substring(0, this.handler.indexOf('.', slash + 1));
        return NODE_EXTENSIONS.stream().map((extension) -> module + extension).toList();
    }

    /** The class file, relative to the code root, of a java handler ({@code pkg/Class.class}). */
    String javaClassFile() {
        int method = this.handler.indexOf("::");
        String className = (method >= 0) ? this.handler.substring(0, method) : this.handler;
        return className.replace('.', '/') + ".class";
    }

    private static String checkHandler(TaskRuntime runtime, String handler) {
        boolean blank = handler == null || handler.isBlank();
        if (!blank && handler.length() > 128) {
            throw new InvalidTaskException("handler is longer than 128 characters.");
        }
        return switch (runtime) {
            case PYTHON_3_11 -> {
                require(!blank, "runtime python3.11 needs a handler such as 'app.handler' (module.function).");
                require(PYTHON_HANDLER.matcher(handler).matches(), "handler '" + handler
                        + "' is not module.function (the module may be dotted, e.g. 'pkg.app.handler').");
                yield handler;
            }
            case JAVA_17 -> {
                require(!blank, "runtime java17 needs a handler such as 'example.Handler::handleRequest'.");
                require(JAVA_HANDLER.matcher(handler).matches(),
                        "handler '" + handler + "' is not pkg.Class::method or pkg.Class.");
                yield handler;
            }
            case NODEJS_18 -> {
                require(!blank, "runtime nodejs18.x needs a handler such as 'index.handler' (file.export).");
                require(NODE_HANDLER.matcher(handler).matches(), "handler '" + handler
                        + "' is not file.export (the file may be in a folder, e.g. 'src/app.handler').");
                yield handler;
            }
            case PROVIDED -> {
                require(blank || handler.chars().noneMatch(Character::isISOControl),
                        "handler must not contain control characters.");
                yield blank ? null : handler;
            }
        };
    }

    /** Both kinds of variable share Lambda's 4 KB; a detail names variables, never a secret's value. */
    private static void checkEnvironment(Map<String, String> environment, Map<String, String> secrets) {
        int bytes = checkVariables("environment", environment) + checkVariables("secretEnvironment", secrets);
        require(secrets.size() <= MAX_SECRET_VARIABLES, "secretEnvironment has " + secrets.size()
                + " variables; at most " + MAX_SECRET_VARIABLES + " are allowed.");
        secrets.keySet().stream().filter(environment::containsKey).sorted().findFirst().ifPresent((name) -> {
            throw new InvalidTaskException("variable '" + name + "' is in both environment and secretEnvironment; "
                    + "give it in one of them.");
        });
        require(bytes <= MAX_ENVIRONMENT_BYTES, "environment variables take " + bytes + " bytes; at most "
                + MAX_ENVIRONMENT_BYTES + " are allowed (names and values of environment and secretEnvironment, "
                + "UTF-8).");
        require(EnvironmentJson.write(environment).length() <= EnvironmentJson.MAX_LENGTH,
                "environment variables are too large once encoded as JSON (too many escaped characters).");
    }

    private static int checkVariables(String field, Map<String, String> variables) {
        int bytes = 0;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            String name = variable.getKey();
            require(ENV_NAME.matcher(name).matches(),
                    field + " variable name '" + name + "' must match [A-Za-z_][A-Za-z0-9_]*.");
            require(!name.startsWith("AWS_") && !name.startsWith("LAMBDA_") && !name.startsWith("_HANDLER"),
                    field + " variable '" + name + "' is reserved (AWS_*, LAMBDA_* and _HANDLER are set by "
                            + "the runtime).");
            require(variable.getValue() != null, field + " variable '" + name + "' has no value.");
            bytes += utf8Length(name) + utf8Length(variable.getValue());
        }
        return bytes;
    }

    private static int utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw new InvalidTaskException(detail);
        }
    }
}
