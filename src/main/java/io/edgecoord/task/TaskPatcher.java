package io.edgecoord.task;

import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.web.MergePatch;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes a task's settings without new code: applies a JSON merge patch to its latest version's
 * settings, in the deploy request's shape, and deploys the result with the same code as a new
 * version (or none, when nothing changed). The patched settings pass every check a deploy makes,
 * the code's against the new handler included.
 */
@Service
class TaskPatcher {

    /** What a version shows but a deploy request does not take. */
    private static final Set<String> SHOWN_ONLY = Set.of("version", "codeSha256", "codeSize", "createdAt");

    private final TaskCatalog catalog;

    private final CodeStager stager;

    private final ArtifactStore store;

    private final TaskRegistry registry;

    private final JsonMapper json;

    private final Validator validator;

    TaskPatcher(TaskCatalog catalog, CodeStager stager, ArtifactStore store, TaskRegistry registry, JsonMapper json,
            Validator validator) {
        this.catalog = catalog;
        this.stager = stager;
        this.store = store;
        this.registry = registry;
        this.json = json;
        this.validator = validator;
    }

    /**
     * Patches the latest version; {@code authorize} sees the patched request before anything is stored.
     * @throws InvalidTaskException when the patch or its result breaks a rule
     */
    Deployment patch(String name, JsonNode patch, Consumer<DeployTaskRequest> authorize) {
        if (!patch.isObject()) {
            throw new InvalidTaskException("A merge patch of a task is a JSON object of the settings to change.");
        }
        if (patch.has("code")) {
            throw new InvalidTaskException("PATCH changes settings only; deploy new code with POST /api/v1/tasks.");
        }
        if (patch.has("name") && !name.equals(patch.get("name").asString(null))) {
            throw new InvalidTaskException("A task's name cannot be patched; deploy a task of the new name instead.");
        }
        TaskResponse latest = this.registry.find(name);
        DeployTaskRequest request = request(MergePatch.apply(current(name, latest), patch));
        TaskSettings settings = TaskSettings.of(request);
        authorize.accept(request);
        String sha256 = latest.version().codeSha256();
        CodeUpload code = new CodeUpload.Archive(new FileSystemResource(this.store.artifactPath(sha256)), "code.zip");
        try (StagedCode staged = this.stager.stage(settings, code)) {
            return this.registry.record(settings, SecretEnvironment.of(request), staged.sha256(), staged.size());
        }
    }

    /** The latest version's settings as a deploy request would give them, its secrets opened. */
    private ObjectNode current(String name, TaskResponse latest) {
        ObjectNode current = this.json.valueToTree(latest.version());
        SHOWN_ONLY.forEach(current::remove);
        current.put("name", name);
        current.set("secretEnvironment", this.json.valueToTree(this.catalog.latest(name).secretEnvironment()));
        return current;
    }

    private DeployTaskRequest request(JsonNode merged) {
        DeployTaskRequest request;
        try {
            request = this.json.treeToValue(merged, DeployTaskRequest.class);
        }
        catch (JacksonException ex) {
            throw new InvalidTaskException("The patched task is not a valid task: " + ex.getOriginalMessage());
        }
        Set<ConstraintViolation<DeployTaskRequest>> violations = this.validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidTaskException(violations.stream()
                .map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; ")) + ".");
        }
        return request;
    }
}
