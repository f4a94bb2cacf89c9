package io.edgecoord.execution;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The live environments: list, read one, and drain one. */
@RestController
@RequestMapping("/api/v1/environments")
class EnvironmentController {

    /** Every live environment, oldest first. */
    record EnvironmentsResponse(List<EnvironmentSnapshot> items) {
    }

    private final ResourceManager resourceManager;

    EnvironmentController(ResourceManager resourceManager) {
        this.resourceManager = resourceManager;
    }

    @GetMapping
    EnvironmentsResponse list() {
        return new EnvironmentsResponse(resourceManager.environments());
    }

    @GetMapping("/{id}")
    EnvironmentSnapshot get(@PathVariable String id) {
        return resourceManager.describe(id);
    }

    /** 204 when the environment is gone already; 202 when it goes once its invocation ends. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> drain(@PathVariable String id) {
        return switch (resourceManager.drain(id)) {
            case REMOVED_NOW -> ResponseEntity.noContent().build();
            case AFTER_INVOCATION -> ResponseEntity.accepted().build();
        };
    }
}
