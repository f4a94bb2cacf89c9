package io.edgecoord.execution;


import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.edgecoord.web.PageResponse;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;

/** The live environments: list, read one, and drain one. */
@Tag(name = "environments", description = "Live execution environments")
@RestController
@RequestMapping("/api/v1/environments")
class EnvironmentController {

    private final PoolQueries pool;
    private final PoolKeeper keeper;

    EnvironmentController(PoolQueries pool, PoolKeeper keeper) {
        this.pool = pool;
        this.keeper = keeper;
    }

    @Operation(operationId = "listEnvironments", summary = "List the live environments, oldest first")
    @GetMapping
    PageResponse<EnvironmentSnapshot> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "500") @Min(1) @Max(500) int size) {
        return PageResponse.slice(pool.environments(), page, size);
    }

    @Operation(operationId = "getEnvironment", summary = "Read an environment")
    @GetMapping("/{id}")
    EnvironmentSnapshot get(@PathVariable String id) {
        return pool.describe(id);
    }

    /** 204 when the environment is gone already; 202 when it goes once its invocation ends. */
    @Operation(operationId = "drainEnvironment", summary = "Drain an environment",
            description = "Removed now if idle (204), else once its invocation ends (202).")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "202", description = "Removed once its invocation ends")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> drain(@PathVariable String id) {
        return switch (keeper.drain(id)) {
            case REMOVED_NOW -> ResponseEntity.noContent().build();
            case AFTER_INVOCATION -> ResponseEntity.accepted().build();
        };
    }
}
