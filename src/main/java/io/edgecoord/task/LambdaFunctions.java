package io.edgecoord.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lambda's function operations over edgecoord's tasks: a function is a task, {@code $LATEST} its
 * latest version. Every change of code or settings makes a version, so PublishVersion names the
 * latest one rather than freezing a new one.
 */
@Service
class LambdaFunctions {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final TaskDeployer deployer;

    private final TaskPatcher patcher;

    private final TaskRegistry registry;

    private final JsonMapper json;

    private final TaskRepository tasks;

    LambdaFunctions(TaskDeployer deployer, TaskPatcher patcher, TaskRegistry registry, JsonMapper json,
            TaskRepository tasks) {
        this.tasks = tasks;
        this.deployer = deployer;
        this.patcher = patcher;
        this.registry = registry;
        this.json = json;
    }

    /** CreateFunction; {@code Role} is accepted and ignored. */
    TaskResponse create(JsonNode body) {
        String name = text(body, "FunctionName");
        if (name == null || !NAME.matcher(name).matches()) {
            throw LambdaException.invalid("FunctionName must match [A-Za-z0-9_-]{1,64}; got " + name + ".");
        }
        String zip = body.path("Code").path("ZipFile").asString(null);
        if (zip == null) {
            throw LambdaException.invalid("Code.ZipFile is required: edgecoord takes code as a zip only.");
        }
        if (exists(name)) {
            throw LambdaException.conflict("Function already exist: " + name);
        }
        DeployTaskRequest request = new DeployTaskRequest(name, LambdaShapes.runtime(text(body, "Runtime")).id(),
                text(body, "Handler"), integer(body, "MemorySize"), integer(body, "Timeout"), variables(body), null,
                new DeployTaskRequest.CodeRequest(null, "code.zip", zip), null, null, null);
        TaskController.authorize(request);
        String description = description(body);
        TaskResponse created = this.deployer.deploy(request).task();
        if (description != null) {
            this.tasks.describe(name, description);
        }
        return created;
    }

    /** The function's {@code Description}, or {@code null}. */
    String description(String name) {
        return this.tasks.findByName(name).map(Task::description).orElse(null);
    }

    private static String description(JsonNode body) {
        String description = text(body, "Description");
        if (description != null && description.length() > 256) {
            throw LambdaException.invalid("Description must be at most 256 characters; got " + description.length() + ".");
        }
        return description;
    }

    /** UpdateFunctionCode. */
    TaskResponse updateCode(String name, JsonNode body) {
        requireRevision(name, body);
        String zip = text(body, "ZipFile");
        if (zip == null) {
            throw LambdaException.invalid("ZipFile is required: edgecoord takes code as a zip only.");
        }
        return this.patcher.replaceCode(name, zip, TaskController::authorize).task();
    }

    /** UpdateFunctionConfiguration, as a merge patch of the task; Environment replaces every variable. */
    TaskResponse updateConfiguration(String name, JsonNode body) {
        requireRevision(name, body);
        ObjectNode patch = this.json.createObjectNode();
        Optional.ofNullable(text(body, "Runtime"))
            .ifPresent((runtime) -> patch.put("runtime", LambdaShapes.runtime(runtime).id()));
        Optional.ofNullable(text(body, "Handler")).ifPresent((handler) -> patch.put("handler", handler));
        Optional.ofNullable(integer(body, "MemorySize")).ifPresent((memory) -> patch.put("memoryMb", memory));
        Optional.ofNullable(integer(body, "Timeout")).ifPresent((timeout) -> patch.put("timeoutSeconds", timeout));
        if (body.has("Environment")) {
            // Lambda replaces the variables whole; a merge patch removes each old one not given again.
            ObjectNode environment = this.json.createObjectNode();
            this.registry.find(name).version().environment().keySet().forEach(environment::putNull);
            Map<String, String> variables = variables(body);
            if (variables != null) {
                variables.forEach(environment::put);
            }
            patch.set("environment", environment);
        }
        String description = description(body);
        TaskResponse patched = this.patcher.patch(name, patch, TaskController::authorize).task();
        if (description != null) {
            this.tasks.describe(name, description);
        }
        return patched;
    }

    /**
     * Refuses a change conditioned on a {@code RevisionId} that is no longer the latest version's
     * (checked before the change, so two writers racing with the same id may both pass).
     */
    void requireRevision(String name, JsonNode body) {
        String expected = (body != null) ? text(body, "RevisionId") : null;
        TaskResponse task = this.registry.find(name);
        if (expected != null && !expected.equals(LambdaShapes.revision(task.name(), task.version(), description(name)))) {
            throw LambdaException.stale();
        }
    }

    /** Put/DeleteFunctionConcurrency: the task's most environments ({@code null} removes the cap). */
    void concurrency(String name, Integer reserved) {
        if (reserved != null && (reserved < 1 || reserved > 256)) {
            throw LambdaException.invalid("ReservedConcurrentExecutions must be between 1 and 256 here (the most "
                    + "environments a task may have); got " + reserved + ".");
        }
        ObjectNode execution = this.json.createObjectNode();
        if (reserved != null) {
            execution.put("maxEnvironments", reserved);
        }
        else {
            execution.putNull("maxEnvironments");
        }
        this.patcher.patch(name, this.json.createObjectNode().set("execution", execution), TaskController::authorize);
    }

    /** The reserved concurrency of a task: its most environments, or {@code null}. */
    Integer concurrency(String name) {
        return this.registry.find(name).version().execution().maxEnvironments();
    }

    private boolean exists(String name) {
        try {
            this.registry.find(name);
            return true;
        }
        catch (TaskNotFoundException ex) {
            return false;
        }
    }

    private static Map<String, String> variables(JsonNode body) {
        JsonNode variables = body.path("Environment").path("Variables");
        if (!variables.isObject()) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        variables.properties().forEach((entry) -> result.put(entry.getKey(), entry.getValue().asString()));
        return result;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return (value != null && !value.isNull()) ? value.asString() : null;
    }

    private static Integer integer(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return (value != null && value.isNumber()) ? value.asInt() : null;
    }
}
