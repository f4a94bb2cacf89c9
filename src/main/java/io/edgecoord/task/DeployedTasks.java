package io.edgecoord.task;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link TaskCatalog}: reads versions from the database, opens their secret variables and makes
 * sure their code is unpacked. What it read is kept in memory for {@link #FRESH_FOR}, so that a call
 * costs no query: a version never changes once made, and this process's own deploys, deletes and
 * prunes forget what they changed as they commit; a deploy by another coordinator on the same
 * database is seen within {@link #FRESH_FOR}.
 */
@Service
class DeployedTasks implements TaskCatalog {

    private static final Logger log = LoggerFactory.getLogger(DeployedTasks.class);

    private final TaskRepository tasks;

    private final TaskVersionRepository versions;

    private final ArtifactStore store;

    private final SecretVariables secrets;

    /** How long what was read is used before it is read again. */
    static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private static final int MOST_KEPT = 10_000;

    private record Key(String name, int version) {
    }

    private final TransactionTemplate reads;

    private final Cache<String, Integer> latest = Caffeine.newBuilder().expireAfterWrite(FRESH_FOR)
        .maximumSize(MOST_KEPT).build();

    private final Cache<Key, DeployedTask> deployed = Caffeine.newBuilder().expireAfterWrite(FRESH_FOR)
        .maximumSize(MOST_KEPT).build();

    DeployedTasks(TaskRepository tasks, TaskVersionRepository versions, ArtifactStore store,
            SecretVariables secrets, PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.versions = versions;
        this.store = store;
        this.secrets = secrets;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
    }

    @Override
    public DeployedTask latest(String name) {
        Integer version = this.latest.get(name,
                (key) -> this.tasks.findByName(key).map(Task::latestVersion).orElse(null));
        if (version == null) {
            throw new TaskNotFoundException(name);
        }
        return version(name, version);
    }

    @Override
    public DeployedTask version(String name, int version) {
        DeployedTask found = this.deployed.get(new Key(name, version), (key) -> this.reads.execute(
                (status) -> this.versions.findByNameAndVersion(name, version).map(this::deployed).orElse(null)));
        if (found == null) {
            throw new TaskNotFoundException(name, version);
        }
        return found;
    }

    @Override
    public Optional<TaskPermissions> permissions(String name, int version) {
        try {
            return Optional.of(version(name, version).permissions());
        }
        catch (TaskNotFoundException ex) {
            return Optional.empty();
        }
    }

    /** This process changed the task (a new version, or deleted it): read it again from now on. */
    @TransactionalEventListener(fallbackExecution = true)
    void onTaskChanged(TaskChanged changed) {
        forget(changed.name());
    }

    /** Forgets what was read of a task's versions: they changed, or some were pruned. */
    void forget(String name) {
        this.latest.invalidate(name);
        this.deployed.asMap().keySet().removeIf((key) -> key.name().equals(name));
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
