package io.edgecoord.task;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.edgecoord.web.DatabaseUnavailable;

/**
 * The {@link TaskCatalog}: reads versions from the database, opens their secret variables and makes
 * sure their code is unpacked. What it read is kept in memory and read again in the background
 * after {@link #FRESH_FOR}, so that a call costs no query: a version never changes once made, and
 * this process's own deploys, deletes and prunes forget what they changed as they commit; a deploy
 * by another coordinator on the same database is seen about {@link #FRESH_FOR} later.
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

    /** Background reads (after {@link #FRESH_FOR}) run on threads of their own. */
    private static final Executor READS = (read) -> Thread.ofVirtual().name("task-catalog-read").start(read);

    private final LoadingCache<String, Integer> latest;

    private final LoadingCache<Key, DeployedTask> deployed;

    DeployedTasks(TaskRepository tasks, TaskVersionRepository versions, ArtifactStore store,
            SecretVariables secrets, PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.versions = versions;
        this.store = store;
        this.secrets = secrets;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.latest = cache(this::readLatest);
        this.deployed = cache(this::readVersion);
    }

    /**
     * What was read is used for {@link #FRESH_FOR}, then read again in the background while callers
     * go on with it; while the database is away, it is kept. A first read is the caller's own, in its
     * thread (and transaction), without a lock: callers of one name that find nothing do not queue
     * behind each other for a database that is away.
     */
    private static <K, V> LoadingCache<K, V> cache(Function<K, V> read) {
        return Caffeine.newBuilder().refreshAfterWrite(FRESH_FOR).maximumSize(MOST_KEPT).executor(READS)
            .build(new CacheLoader<K, V>() {
                @Override
                public V load(K key) {
                    return read.apply(key);
                }

                @Override
                public V reload(K key, V old) {
                    try {
                        return read.apply(key);
                    }
                    catch (RuntimeException ex) {
                        if (DatabaseUnavailable.causedBy(ex)) {
                            return old;
                        }
                        throw ex;
                    }
                }
            });
    }

    /**
     * What a transaction of the caller's reads is not kept: it may see its own changes, which a
     * rollback then undoes (a bundle that deploys a version and fails after reading it).
     */
    private static <K, V> V cached(LoadingCache<K, V> cache, K key, Function<K, V> read) {
        V found = cache.getIfPresent(key);
        if (found == null) {
            found = read.apply(key);
            if (found != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
                cache.put(key, found);
            }
        }
        return found;
    }

    private Integer readLatest(String name) {
        return this.tasks.findByName(name).map(Task::latestVersion).orElse(null);
    }

    private DeployedTask readVersion(Key key) {
        return this.reads.execute((status) -> this.versions.findByNameAndVersion(key.name(), key.version())
            .map(this::deployed)
            .orElse(null));
    }

    @Override
    public DeployedTask latest(String name) {
        Integer version = cached(this.latest, name, this::readLatest);
        if (version == null) {
            throw new TaskNotFoundException(name);
        }
        return version(name, version);
    }

    @Override
    public DeployedTask version(String name, int version) {
        DeployedTask found = cached(this.deployed, new Key(name, version), this::readVersion);
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
