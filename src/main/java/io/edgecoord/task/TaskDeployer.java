package io.edgecoord.task;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import io.edgecoord.storage.DiskSpace;

/**
 * Deploys a task: validates the settings, stages and validates the code, keeps the artifact, then
 * records a version. Nothing is stored until both settings and code have passed every check.
 */
@Service
class TaskDeployer {

    private final CodeStager stager;

    private final ArtifactStore store;

    private final TaskRegistry registry;

    private final DiskSpace disk;

    TaskDeployer(CodeStager stager, ArtifactStore store, TaskRegistry registry, DiskSpace disk) {
        this.stager = stager;
        this.store = store;
        this.registry = registry;
        this.disk = disk;
    }

    /** Deploys a JSON request, whose code is inline or a base64 zip. */
    Deployment deploy(DeployTaskRequest request) {
        return deploy(request, codeOf(request.code()));
    }

    /** Deploys a multipart request, whose code is an uploaded zip or jar. */
    Deployment deploy(DeployTaskRequest request, MultipartFile code) {
        if (request.code() != null) {
            throw new InvalidTaskException("In a multipart request the code goes in the 'code' part; "
                    + "leave 'code' out of the 'task' part.");
        }
        return deploy(request, new CodeUpload.Archive(code, code.getOriginalFilename()));
    }

    private Deployment deploy(DeployTaskRequest request, CodeUpload code) {
        disk.requireRoom("new code");
        TaskSettings settings = TaskSettings.of(request);
        // Held until the version is committed, so that retention cannot delete the same bytes meanwhile.
        try (StagedCode staged = this.stager.stage(settings, code); ArtifactStore.Kept kept = this.store.keep(staged)) {
            return this.registry.record(settings, SecretEnvironment.of(request), staged.sha256(), staged.size());
        }
    }

    private static CodeUpload codeOf(DeployTaskRequest.CodeRequest code) {
        boolean inline = code != null && code.inline() != null;
        boolean zip = code != null && code.zipBase64() != null;
        if (inline == zip) {
            throw new InvalidTaskException("Give the code as exactly one of 'code.inline' (a single source file) "
                    + "or 'code.zipBase64' (a zip or jar), or upload it as multipart/form-data.");
        }
        if (inline) {
            if (code.inline().isBlank()) {
                throw new InvalidCodeException("'code.inline' is empty.");
            }
            return new CodeUpload.Inline(code.inline(), code.fileName());
        }
        byte[] base64 = code.zipBase64().getBytes(StandardCharsets.ISO_8859_1);
        return new CodeUpload.Archive(() -> Base64.getDecoder().wrap(new ByteArrayInputStream(base64)),
                code.fileName());
    }
}
