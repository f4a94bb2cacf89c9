package io.edgecoord.task;

import java.net.URI;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.edgecoord.security.Callers;
import io.edgecoord.security.Scope;
import io.edgecoord.web.PageResponse;

/** The deployment API: deploy, list, read and delete tasks. */
@Tag(name = "tasks", description = "Deploy, list, read and delete tasks and their versions")
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

    private final TaskDeployer deployer;

    private final TaskRegistry registry;

    TaskController(TaskDeployer deployer, TaskRegistry registry) {
        this.deployer = deployer;
        this.registry = registry;
    }

    @Operation(operationId = "deployTask", summary = "Deploy a task: a new version, or the same one again",
            description = "JSON with the code inline or by artifact, or multipart/form-data with a `task` JSON part and "
                    + "a `code` zip part. The same definition and code again answers 200 with the version it has.")
    @ApiResponse(responseCode = "201", description = "A new version was deployed; it is at `Location`")
    @ApiResponse(responseCode = "200", description = "Nothing changed: the version deployed already")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TaskResponse> deploy(@Valid @RequestBody DeployTaskRequest request) {
        authorize(request);
        return respond(this.deployer.deploy(request));
    }

    @Operation(operationId = "deployTask", summary = "Deploy a task: a new version, or the same one again")
    @ApiResponse(responseCode = "201", description = "A new version was deployed; it is at `Location`")
    @ApiResponse(responseCode = "200", description = "Nothing changed: the version deployed already")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TaskResponse> deploy(@Valid @RequestPart("task") DeployTaskRequest task,
            @RequestPart("code") MultipartFile code) {
        authorize(task);
        return respond(this.deployer.deploy(task, code));
    }

    @Operation(operationId = "listTasks", summary = "List tasks by name")
    @GetMapping
    PageResponse<TaskResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return this.registry.list(PageRequest.of(page, size, Sort.by("name")));
    }

    @Operation(operationId = "getTask", summary = "Read a task: its latest version and settings")
    @GetMapping("/{name}")
    TaskResponse get(@PathVariable String name) {
        return this.registry.find(name);
    }

    @Operation(operationId = "listTaskVersions", summary = "List a task's versions, oldest first")
    @GetMapping("/{name}/versions")
    TaskVersionsResponse versions(@PathVariable String name) {
        return this.registry.versions(name);
    }

    @Operation(operationId = "deleteTask", summary = "Delete a task and all its versions")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        this.registry.delete(name);
    }

    /**
     * The calling key must be allowed the task's name, each task its permissions let it invoke, and
     * admin to run it without a container. A pattern the key's patterns match as a literal string
     * names only tasks they match, so a key limited to {@code sensor-*} may grant {@code sensor-*}
     * but not {@code *}: its tasks cannot reach further than the key itself.
     */
    static void authorize(DeployTaskRequest request) {
        Callers.checkTask(request.name());
        if (request.permissions() != null && request.permissions().invoke() != null) {
            request.permissions().invoke().stream().filter(Objects::nonNull).forEach(Callers::checkTask);
        }
        if (request.execution() != null && "none".equalsIgnoreCase(request.execution().isolation())) {
            Callers.checkScope(Scope.ADMIN, "deploying a task with isolation none (a plain host process)");
        }
    }

    static ResponseEntity<TaskResponse> respond(Deployment deployment) {
        if (!deployment.created()) {
            return ResponseEntity.ok(deployment.task());
        }
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + deployment.task().name()))
            .body(deployment.task());
    }
}
