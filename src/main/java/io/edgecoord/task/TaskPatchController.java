package io.edgecoord.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code PATCH /api/v1/tasks/{name}}: settings changed without new code. */
@Tag(name = "tasks", description = "Deploy, list, read and delete tasks and their versions")
@RestController
class TaskPatchController {

    private final TaskPatcher patcher;

    TaskPatchController(TaskPatcher patcher) {
        this.patcher = patcher;
    }

    @Operation(operationId = "patchTask", summary = "Change a task's settings without new code (JSON merge patch)",
            description = "An RFC 7396 merge patch over the latest version's settings in the deploy request's shape "
                    + "(`null` removes a member, which then takes its default). The result is deployed with the same "
                    + "code as a new version, like a redeploy; a patch that changes nothing answers 200 with the "
                    + "version there is. `name` and `code` cannot be patched.")
    @ApiResponse(responseCode = "201", description = "A new version was made")
    @ApiResponse(responseCode = "200", description = "Nothing changed")
    @PatchMapping(path = "/api/v1/tasks/{name}",
            consumes = { "application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE })
    ResponseEntity<TaskResponse> patch(@PathVariable String name, @RequestBody JsonNode patch) {
        return TaskController.respond(this.patcher.patch(name, patch, TaskController::authorize));
    }
}
