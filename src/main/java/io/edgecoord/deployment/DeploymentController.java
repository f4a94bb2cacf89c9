package io.edgecoord.deployment;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.edgecoord.security.CallerKey;
import io.edgecoord.security.Callers;
import io.edgecoord.web.PageResponse;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;

/** Configuration bundles: apply (or dry-run), the history, one version, rollback. Admin to change. */
@Tag(name = "deployments", description = "Apply configuration bundles, read their history, roll back")
@RestController
@RequestMapping("/api/v1/deployments")
class DeploymentController {

    private final BundleApplier applier;

    private final DeploymentHistory history;

    private final DeploymentAgent agent;

    DeploymentController(BundleApplier applier, DeploymentHistory history, DeploymentAgent agent) {
        this.applier = applier;
        this.history = history;
        this.agent = agent;
    }

    @Operation(operationId = "getDeploymentAgent", summary = "The deployment agent's last attempt")
    @GetMapping("/agent")
    AgentStatus agent() {
        return this.agent.status();
    }

    @Operation(operationId = "applyBundle", summary = "Apply a bundle (YAML or JSON) atomically, or diff it with dryRun")
    @PostMapping
    ResponseEntity<DeploymentResponse> apply(@RequestBody String document,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        DeploymentResponse applied = this.applier.apply(document, dryRun, caller(), null);
        return dryRun ? ResponseEntity.ok(applied) : created(applied);
    }

    @Operation(operationId = "listDeployments", summary = "The history of applied bundles, newest first")
    @GetMapping
    PageResponse<DeploymentResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return PageResponse.slice(this.history.list(), page, size);
    }

    @Operation(operationId = "getDeployment", summary = "One applied bundle, with its document")
    @GetMapping("/{version}")
    DeploymentHistory.Detail get(@PathVariable int version) {
        return this.history.get(version);
    }

    @Operation(operationId = "rollbackDeployment", summary = "Apply an earlier bundle again, as a new version")
    @PostMapping("/{version}/rollback")
    ResponseEntity<DeploymentResponse> rollback(@PathVariable int version) {
        return created(this.applier.apply(this.history.get(version).document(), false, caller(), version));
    }

    private static ResponseEntity<DeploymentResponse> created(DeploymentResponse applied) {
        return ResponseEntity.created(URI.create("/api/v1/deployments/" + applied.version())).body(applied);
    }

    private static String caller() {
        return Callers.current().map(CallerKey::id).orElse(null);
    }
}
