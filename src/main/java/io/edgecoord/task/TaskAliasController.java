package io.edgecoord.task;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import io.edgecoord.web.PageResponse;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;

/** Aliases of a task, and rolling one back. */
@Tag(name = "tasks", description = "Deploy, list, read and delete tasks and their versions")
@RestController
@RequestMapping("/api/v1/tasks/{name}")
class TaskAliasController {

    private final TaskAliases aliases;

    TaskAliasController(TaskAliases aliases) {
        this.aliases = aliases;
    }

    /**
     * The body of {@code PUT …/aliases/{alias}}.
     *
     * @param version the version the alias names
     * @param additionalVersion a canary's version, or absent
     * @param additionalWeight the share of calls (0..1) the canary gets; with {@code additionalVersion} only
     */
    record PutAliasRequest(Integer version, Integer additionalVersion, Double additionalWeight) {
    }

    @Operation(operationId = "putTaskAlias", summary = "Create or move an alias, optionally with a weighted canary")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Moved")
    @PutMapping("/aliases/{alias}")
    ResponseEntity<AliasRouting> put(@PathVariable String name, @PathVariable String alias,
            @RequestBody PutAliasRequest request) {
        if (request.version() == null) {
            throw new InvalidAliasException("'version' is required: the version the alias names.");
        }
        TaskAliases.Put put = this.aliases.put(
                AliasRouting.of(name, alias, request.version(), request.additionalVersion(), request.additionalWeight()));
        return put.created()
                ? ResponseEntity.created(URI.create("/api/v1/tasks/" + name + "/aliases/" + alias)).body(put.alias())
                : ResponseEntity.ok(put.alias());
    }

    @Operation(operationId = "getTaskAlias", summary = "Read an alias")
    @GetMapping("/aliases/{alias}")
    AliasRouting get(@PathVariable String name, @PathVariable String alias) {
        return this.aliases.find(name, alias).orElseThrow(() -> new AliasNotFoundException(name, alias));
    }

    @Operation(operationId = "listTaskAliases", summary = "List a task's aliases by name")
    @GetMapping("/aliases")
    PageResponse<AliasRouting> list(@PathVariable String name, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return PageResponse.slice(this.aliases.list(name), page, size);
    }

    @Operation(operationId = "deleteTaskAlias", summary = "Delete an alias")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/aliases/{alias}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name, @PathVariable String alias) {
        this.aliases.delete(name, alias);
    }

    @Operation(operationId = "rollbackTask", summary = "Move the task's latest alias (or ?alias=) back one version",
            description = "The latest alias is the one most recently created or changed. It moves to the version "
                    + "below the one it names, and loses any canary; 409 `rollback-impossible` when there is no "
                    + "alias or it names version 1.")
    @PostMapping("/rollback")
    AliasRouting rollback(@PathVariable String name, @RequestParam(required = false) String alias) {
        return this.aliases.rollback(name, alias);
    }
}
