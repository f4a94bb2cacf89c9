package io.edgecoord.task;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@link TaskCatalog}: reads versions from the database and makes sure their code is unpacked. */
@Service
class DeployedTasks implements TaskCatalog {

    private final TaskRepository tasks;

    private final TaskVersionRepository versions;

    private final ArtifactStore store;

    DeployedTasks(TaskRepository tasks, TaskVersionRepository versions, ArtifactStore store) {
        this.tasks = tasks;
        this.versions = versions;
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public DeployedTask latest(String name) {
        Task task = this.tasks.findByName(name).orElseThrow(() -> new TaskNotFoundException(name));
        return version(name, task.latestVersion());
    }

    @Override
    @Transactional(readOnly = true)
    public DeployedTask version(String name, int version) {
        return deployed(this.versions.findByNameAndVersion(name, version)
            .orElseThrow(() -> new TaskNotFoundException(name, version)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeployedTask> warmTargets() {
        return this.versions.findLatestWithExecution()
            .stream()
            .filter((version) -> version.settings().execution().keepsWarm())
            .map(this::deployed)
            .toList();
    }

    private DeployedTask deployed(TaskVersion found) {
        TaskSettings settings = found.settings();
        return new DeployedTask(settings.name(), found.version(), settings.runtime(), settings.handler(),
                settings.memoryMb(), Duration.ofSeconds(settings.timeoutSeconds()), settings.environment(),
                found.codeSha256(), this.store.codeDirectory(found.codeSha256()), settings.execution());
    }
}
