package io.edgecoord.task;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import java.nio.file.Path;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.io.IOException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@link TaskBundles} over the same deployer and registry as the REST API, with the same checks. */
@Service
class BundledTasks implements TaskBundles {

    private final TaskDeployer deployer;

    private final TaskRegistry registry;

    private final TaskRepository tasks;

    private final Validator validator;

    private final JsonMapper strict;

    private final ArtifactStore artifacts;

    BundledTasks(TaskDeployer deployer, TaskRegistry registry, TaskRepository tasks, Validator validator,
            JsonMapper json, ArtifactStore artifacts) {
        this.artifacts = artifacts;
        this.deployer = deployer;
        this.registry = registry;
        this.tasks = tasks;
        this.validator = validator;
        // A misspelt field in a bundle must be refused, as the REST API refuses it.
        this.strict = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @Override
    public boolean deploy(Map<String, Object> definition) {
        DeployTaskRequest request;
        try {
            request = this.strict.convertValue(definition, DeployTaskRequest.class);
        }
        catch (JacksonException ex) {
            throw new InvalidTaskException(ex.getOriginalMessage());
        }
        Set<ConstraintViolation<DeployTaskRequest>> violations = this.validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidTaskException(violations.stream()
                .map((v) -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; ")));
        }
        return this.deployer.deploy(request).created();
    }

    @Override
    public Optional<byte[]> storedCode(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path artifact = this.artifacts.artifactPath(sha256);
        try {
            return Files.isRegularFile(artifact) ? Optional.of(Files.readAllBytes(artifact)) : Optional.empty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read stored code " + sha256, ex);
        }
    }

    @Override
    public String storeCode(byte[] zip) {
        try {
            Path staging = this.artifacts.newStagingFile();
            Files.write(staging, zip);
            String sha256 = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(zip));
            // No version names it yet, so no hold: retention deletes it only with a pruned version of the same bytes.
            this.artifacts.keep(new StagedCode(staging, sha256, zip.length)).close();
            return sha256;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot store code", ex);
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public List<String> names() {
        return this.tasks.findAll(Sort.by("name")).stream().map(Task::name).toList();
    }

    @Override
    public void delete(String name) {
        this.registry.delete(name);
    }
}
