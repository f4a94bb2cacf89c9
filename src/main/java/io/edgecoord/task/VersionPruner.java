package io.edgecoord.task;

import java.time.Clock;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.edgecoord.task.TaskVersionsInUse.Version;
import io.edgecoord.task.VersionRetention.StoredVersion;

/**
 * Prunes task versions in the background: after each deploy's commit and every
 * {@code edgecoord.task.retention.interval}, on a thread of its own, it deletes the rows of the
 * versions {@link VersionRetention} lets go (at most {@value #MOST_A_ROUND} a round, in one short
 * transaction), then their code once nothing needs it any more. Counts what went in
 * {@code edgecoord.storage.purged{what=versions|artifacts}}; one round runs at a time.
 * <p>
 * Code is deleted after the rows are: once a version's row is gone nothing new can start it, so
 * only what started just before is left to wait for. The artifact of a pruned version that
 * something still used then stays pending and is tried again each round (in memory: a restart at
 * that moment leaves that one file behind).
 */
@Component
class VersionPruner implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(VersionPruner.class);

    static final int MOST_A_ROUND = 500;

    private final TaskVersionRepository versions;
    private final TaskAliasRepository aliases;
    private final ArtifactStore store;
    private final List<TaskVersionsInUse> users;
    private final TransactionTemplate transaction;
    private final TaskProperties.Retention retention;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DeployedTasks catalog;
    private final SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
    private final AtomicBoolean requested = new AtomicBoolean();
    /** Code of pruned versions not deleted yet, with the versions that had it; guarded by {@code this}. */
    private final Map<String, Set<Version>> pending = new LinkedHashMap<>();
    /** Versions of deleted tasks, handed over without waiting for a round to end. */
    private final Queue<StoredVersion> deletedTasks = new ConcurrentLinkedQueue<>();
    private ScheduledFuture<?> rounds;

    VersionPruner(TaskVersionRepository versions, TaskAliasRepository aliases, ArtifactStore store,
            List<TaskVersionsInUse> users, PlatformTransactionManager transactions, TaskProperties properties,
            Clock clock, MeterRegistry meters, DeployedTasks catalog) {
        this.versions = versions;
        this.aliases = aliases;
        this.store = store;
        this.users = users;
        this.transaction = new TransactionTemplate(transactions);
        this.retention = properties.retention();
        this.clock = clock;
        this.meters = meters;
        this.catalog = catalog;
        this.scheduler.setThreadNamePrefix("version-retention-");
        this.scheduler.setVirtualThreads(true);
    }

    @Override
    public void afterPropertiesSet() {
        this.rounds = this.scheduler.scheduleWithFixedDelay(this::roundSafely, this.retention.interval());
    }

    /** A deploy made a new version: a round soon, never on the deploy's own thread. */
    @TransactionalEventListener(fallbackExecution = true)
    void onTaskChanged(TaskChanged changed) {
        requestRound();
    }

    /** A task was deleted: its versions' code is pending from the next round on. */
    @TransactionalEventListener(fallbackExecution = true)
    void onTaskDeleted(TaskVersionsDeleted deleted) {
        this.deletedTasks.addAll(deleted.versions());
        requestRound();
    }

    /** One round: decide, delete the rows, then the code nothing uses. */
    synchronized void round() {
        Set<Version> needed = new HashSet<>(aliasTargets());
        needed.addAll(inUse());
        List<StoredVersion> stored = this.versions.findAllStored().stream()
            .map((row) -> new StoredVersion((String) row[0], (Integer) row[1], (String) row[2]))
            .toList();
        VersionRetention plan = VersionRetention.decide(stored, this.retention.keepVersions(), needed);
        List<StoredVersion> prune = plan.prune().stream().limit(MOST_A_ROUND).toList();
        List<StoredVersion> deleted = prune.isEmpty() ? List.of() : this.transaction.execute((status) -> delete(prune));
        deleted.stream().map(StoredVersion::task).distinct().forEach(this.catalog::forget);
        deleted.stream().filter((version) -> plan.orphanedCode().contains(version.sha256())).forEach(this::pend);
        for (StoredVersion version; (version = this.deletedTasks.poll()) != null;) {
            pend(version);
        }
        long[] freed = deletePendingCode();
        count("versions", deleted.size());
        count("artifacts", freed[0]);
        if (!deleted.isEmpty() || freed[0] > 0) {
            log.info("Version retention pruned {} task versions ({}) and {} code artifacts ({} bytes); {} pending",
                    deleted.size(), describe(deleted), freed[0], freed[1], this.pending.size());
        }
        if (plan.prune().size() > prune.size()) {
            requestRound();
        }
    }

    private void pend(StoredVersion version) {
        this.pending.computeIfAbsent(version.sha256(), (sha) -> new HashSet<>()).add(version.key());
    }

    /** Deletes the rows, but not one an alias came to name since the round began. */
    private List<StoredVersion> delete(List<StoredVersion> prune) {
        Set<Version> aliased = aliasTargets();
        return prune.stream()
            .filter((version) -> !aliased.contains(version.key()))
            .filter((version) -> this.versions.findByNameAndVersion(version.task(), version.version())
                .map((row) -> {
                    this.versions.delete(row);
                    return true;
                })
                .orElse(false))
            .toList();
    }

    /** Deletes each pending artifact that no version has and nothing uses; returns {artifacts, bytes}. */
    private long[] deletePendingCode() {
        long[] freed = new long[2];
        if (this.pending.isEmpty()) {
            return freed;
        }
        Set<Version> inUse = inUse();
        for (Iterator<Map.Entry<String, Set<Version>>> it = this.pending.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Set<Version>> entry = it.next();
            if (this.versions.existsByCodeSha256(entry.getKey())) {
                it.remove(); // another version has it (deployed again meanwhile, or shared): its code now
                continue;
            }
            if (entry.getValue().stream().anyMatch(inUse::contains)) {
                continue;
            }
            long bytes = this.store.delete(entry.getKey());
            if (bytes >= 0) {
                it.remove();
                freed[0] += (bytes > 0) ? 1 : 0; // 0: already gone, nothing to count
                freed[1] += bytes;
            }
        }
        return freed;
    }

    private Set<Version> aliasTargets() {
        Set<Version> targets = new HashSet<>();
        for (Object[] row : this.aliases.findAllTargets()) {
            targets.add(new Version((String) row[0], (Integer) row[1]));
            if (row[2] != null) {
                targets.add(new Version((String) row[0], (Integer) row[2]));
            }
        }
        return targets;
    }

    private Set<Version> inUse() {
        Set<Version> inUse = new HashSet<>();
        this.users.forEach((user) -> inUse.addAll(user.versionsInUse()));
        return inUse;
    }

    private void count(String what, long amount) {
        Counter.builder("edgecoord.storage.purged")
            .description("Records and logs of ended work deleted by retention, by what")
            .tag("what", what).register(this.meters).increment(amount);
    }

    private static String describe(List<StoredVersion> deleted) {
        String some = deleted.stream().limit(20).map((v) -> v.task() + ":" + v.version())
            .collect(Collectors.joining(", "));
        return deleted.size() > 20 ? some + ", ..." : some;
    }

    private void requestRound() {
        if (this.requested.compareAndSet(false, true)) {
            this.scheduler.schedule(() -> {
                this.requested.set(false);
                roundSafely();
            }, this.clock.instant());
        }
    }

    private void roundSafely() {
        try {
            round();
        }
        catch (RuntimeException ex) {
            // The next round decides again from what is stored then; nothing was half deleted.
            log.warn("A version retention round failed: {}", ex.toString());
        }
    }

    @Override
    public void destroy() {
        if (this.rounds != null) {
            this.rounds.cancel(false);
        }
        this.scheduler.close();
    }
}
