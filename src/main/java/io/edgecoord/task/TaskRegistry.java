package io.edgecoord.task;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import io.edgecoord.web.PageResponse;

/**
 * Records task versions and reads them back for the API. A deploy of a name runs under that name's
 * lock and commits before the lock is released, so two identical concurrent deploys create one version.
 * A new version and a deletion publish {@link TaskChanged} inside their transaction.
 */
@Service
class TaskRegistry {

    private final TaskRepository tasks;

    private final TaskVersionRepository versions;

    private final TransactionTemplate transaction;

    private final ApplicationEventPublisher events;

    private final SecretVariables secrets;

    private final Clock clock;

    private final NameLocks locks = new NameLocks();

    TaskRegistry(TaskRepository tasks, TaskVersionRepository versions, PlatformTransactionManager transactions,
            ApplicationEventPublisher events, SecretVariables secrets, Clock clock) {
        this.tasks = tasks;
        this.versions = versions;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Creates a new version unless the latest one has the same settings, secret values and code. */
    Deployment record(TaskSettings settings, SecretEnvironment secretEnvironment, String codeSha256, long codeSize) {
        return this.locks.withLock(settings.name(), () -> this.transaction.execute((status) -> {
            Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
            Task task = this.tasks.findByName(settings.name())
                .orElseGet(() -> this.tasks.save(new Task(settings.name(), now)));
            TaskVersion latest = this.versions.findByNameAndVersion(task.name(), task.latestVersion()).orElse(null);
            if (latest != null && latest.sameAs(settings, codeSha256)
                    && this.secrets.sameAs(latest, secretEnvironment)) {
                return new Deployment(false, TaskResponse.of(latest));
            }
            TaskVersion created = this.versions.save(
                    task.release(settings, this.secrets.seal(secretEnvironment), codeSha256, codeSize, now));
            this.events.publishEvent(new TaskChanged(task.name()));
            return new Deployment(true, TaskResponse.of(created));
        }));
    }

    @Transactional(readOnly = true)
    PageResponse<TaskResponse> list(Pageable pageable) {
        Page<Task> page = this.tasks.findAll(pageable);
        Map<Task, TaskVersion> latest = this.versions.findLatestOf(page.getContent())
            .stream()
            .collect(Collectors.toMap(TaskVersion::task, Function.identity()));
        return PageResponse.of(page, (task) -> TaskResponse.of(latest.get(task)));
    }

    /** At most {@code max} tasks by name after {@code marker} ({@code ""} for the first), each with its latest version. */
    @Transactional(readOnly = true)
    java.util.List<TaskResponse> listAfter(String marker, int max) {
        java.util.List<Task> page = this.tasks.findByNameGreaterThanOrderByName(marker,
                org.springframework.data.domain.Limit.of(max));
        Map<Task, TaskVersion> latest = this.versions.findLatestOf(page)
            .stream()
            .collect(Collectors.toMap(TaskVersion::task, Function.identity()));
        return page.stream().map((task) -> TaskResponse.of(latest.get(task))).toList();
    }

    @Transactional(readOnly = true)
    TaskResponse find(String name) {
        Task task = this.tasks.findByName(name).orElseThrow(() -> new TaskNotFoundException(name));
        return this.versions.findByNameAndVersion(name, task.latestVersion())
            .map(TaskResponse::of)
            .orElseThrow(() -> new TaskNotFoundException(name));
    }

    @Transactional(readOnly = true)
    TaskVersionsResponse versions(String name) {
        Task task = this.tasks.findByName(name).orElseThrow(() -> new TaskNotFoundException(name));
        return new TaskVersionsResponse(name, this.versions.findNewestFirst(task)
            .stream()
            .map(TaskVersionResponse::of)
            .toList());
    }

    /**
     * Deletes a task and, through the foreign key's cascade, its versions. Their code goes later,
     * through version retention, once no other version shares it and nothing runs it.
     */
    @Transactional
    void delete(String name) {
        Task task = this.tasks.findByName(name).orElseThrow(() -> new TaskNotFoundException(name));
        java.util.List<VersionRetention.StoredVersion> gone = this.versions.findNewestFirst(task)
            .stream()
            .map((version) -> new VersionRetention.StoredVersion(name, version.version(), version.codeSha256()))
            .toList();
        this.tasks.delete(task);
        this.events.publishEvent(new TaskChanged(name));
        this.events.publishEvent(new TaskVersionsDeleted(gone));
    }
}
