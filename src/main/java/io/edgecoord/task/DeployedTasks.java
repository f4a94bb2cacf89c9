package io.edgecoord.task;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link TaskCatalog}: reads versions from the database, opens their secret variables and makes
 * sure their code is unpacked.
 */
@Service
class DeployedTasks implements TaskCatalog {

    private static final Logger log = LoggerFactory.getLogger(DeployedTasks.class);

    private final TaskRepository tasks;

    private final TaskVersionRepository versions;

    private final ArtifactStore store;

    private final SecretVariables secrets;

    DeployedTasks(TaskRepository tasks, TaskVersionRepository versions, ArtifactStore store,
            SecretVariables secrets) {
        this.tasks = tasks;
        this.versions = versions;
        this.store = store;
        this.secrets = secrets;
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
    public Optional<TaskPermissions> permissions(String name, int version) {
        return this.versions.findByNameAndVersion(name, version).map((found) -> found.settings().permissions());
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeployedTask> warmTargets() {
        return this.versions.findLatestWithExecution()
            .stream()
            .filter((version) -> version.settings().execution().keepsWarm())
            .flatMap((version) -> warmable(version).stream())
            .toList();
    }

    /** A version whose secrets cannot be opened cannot start; the others are still kept warm. */
    private Optional<DeployedTask> warmable(TaskVersion version) {
        try {
            return Optional.of(deployed(version));
        }
        catch (SecretsUnreadableException ex) {
            log.warn("Not keeping task {} version {} warm: {}", version.task().name(), version.version(),
                    ex.getBody().getDetail());
            return Optional.empty();
        }
    }

    private DeployedTask deployed(TaskVersion found) {
        TaskSettings settings = found.settings();
        return new DeployedTask(settings.name(), found.version(), settings.runtime(), settings.handler(),
                settings.memoryMb(), Duration.ofSeconds(settings.timeoutSeconds()), settings.environment(),
                found.codeSha256(), this.store.codeDirectory(found.codeSha256()), settings.execution(),
                this.secrets.open(found).values(), settings.permissions());
    }
}
