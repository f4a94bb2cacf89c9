package io.edgecoord.task;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks' aliases: set, read, delete, roll back, and resolve a call's qualifier to the version it
 * runs. Every change joins the caller's transaction when there is one (a bundle applier applies
 * many in one), else commits its own. Thread-safe.
 */
@Service
public class TaskAliases {

    /** Lambda's rule: letters, digits, {@code -} and {@code _}, not all digits (a version), up to 128. */
    private static final Pattern NAME = Pattern.compile("(?!\\d+$)[A-Za-z0-9_-]{1,128}");

    /** What version retention keeps, for problems that name a version it pruned. */
    private static final String PRUNED_RULE = "it keeps the newest edgecoord.task.retention.keep-versions versions "
            + "of a task and those an alias names or something runs";

    /** The qualifier that names the latest version. */
    public static final String LATEST = "$LATEST";

    private final TaskRepository tasks;

    private final TaskVersionRepository versions;

    private final TaskAliasRepository aliases;

    private final Clock clock;

    TaskAliases(TaskRepository tasks, TaskVersionRepository versions, TaskAliasRepository aliases, Clock clock) {
        this.tasks = tasks;
        this.versions = versions;
        this.aliases = aliases;
        this.clock = clock;
    }

    /**
     * What a call's qualifier asks to run.
     *
     * @param version the version, or {@code null} for the latest
     * @param alias the alias the qualifier named, or {@code null}
     */
    public record Target(Integer version, String alias) {
    }

    /**
     * Creates or moves an alias.
     * @return the alias as stored, and whether it was created
     * @throws TaskNotFoundException when the task is missing
     * @throws InvalidAliasException for a bad name, a missing version or a bad weight
     */
    @Transactional
    public Put put(AliasRouting routing) {
        Task task = this.tasks.findByName(routing.task()).orElseThrow(() -> new TaskNotFoundException(routing.task()));
        check(task, routing);
        Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
        Optional<TaskAlias> existing = this.aliases.findByTaskAndName(task.name(), routing.alias());
        TaskAlias alias = existing.orElseGet(() -> new TaskAlias(task, routing.alias(), now));
        alias.pointAt(routing, now);
        return new Put(this.aliases.save(alias).routing(), existing.isEmpty());
    }

    /** The outcome of {@link #put}. */
    public record Put(AliasRouting alias, boolean created) {
    }

    @Transactional(readOnly = true)
    public Optional<AliasRouting> find(String task, String alias) {
        return this.aliases.findByTaskAndName(task, alias).map(TaskAlias::routing);
    }

    /** A task's aliases by name; {@link TaskNotFoundException} when the task is missing. */
    @Transactional(readOnly = true)
    public List<AliasRouting> list(String task) {
        this.tasks.findByName(task).orElseThrow(() -> new TaskNotFoundException(task));
        return this.aliases.findByTask(task).stream().map(TaskAlias::routing).toList();
    }

    /** Deletes an alias; {@link AliasNotFoundException} when there is none. */
    @Transactional
    public void delete(String task, String alias) {
        this.aliases.delete(this.aliases.findByTaskAndName(task, alias)
            .orElseThrow(() -> new AliasNotFoundException(task, alias)));
    }

    /**
     * Moves an alias back one version: to the version below the one it names, dropping any canary.
     * Without a name, the task's latest alias moves: the one most recently created or changed.
     * @throws RollbackImpossibleException when there is no alias, or it names version 1
     */
    @Transactional
    public AliasRouting rollback(String task, String alias) {
        this.tasks.findByName(task).orElseThrow(() -> new TaskNotFoundException(task));
        TaskAlias target = (alias != null)
                ? this.aliases.findByTaskAndName(task, alias).orElseThrow(() -> new AliasNotFoundException(task, alias))
                : this.aliases.findByTaskNewestFirst(task).stream().findFirst().orElseThrow(
                        () -> new RollbackImpossibleException("Task '" + task + "' has no alias to roll back."));
        AliasRouting now = target.routing();
        if (now.version() <= 1) {
            throw new RollbackImpossibleException("Alias '" + now.alias() + "' of task '" + task
                    + "' names version 1 already; there is no earlier version.");
        }
        if (this.versions.findByNameAndVersion(task, now.version() - 1).isEmpty()) {
            throw new RollbackImpossibleException("Alias '" + now.alias() + "' of task '" + task + "' cannot move back to "
                    + "version " + (now.version() - 1) + ": version retention pruned it (" + PRUNED_RULE + ").");
        }
        target.pointAt(AliasRouting.of(task, now.alias(), now.version() - 1, null, null),
                Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS));
        return target.routing();
    }

    /**
     * What a qualifier runs: {@code null} or {@code $LATEST} the latest version, digits that version,
     * anything else the alias of that name (its canary chosen at random by weight).
     * @throws AliasNotFoundException when the qualifier names no alias of the task
     */
    @Transactional(readOnly = true)
    public Target resolve(String task, String qualifier) {
        if (qualifier == null || qualifier.isEmpty() || qualifier.equals(LATEST)) {
            return new Target(null, null);
        }
        if (qualifier.chars().allMatch(Character::isDigit) && qualifier.length() < 10) {
            return new Target(Integer.valueOf(qualifier), null);
        }
        AliasRouting routing = find(task, qualifier).orElseThrow(() -> new AliasNotFoundException(task, qualifier));
        return new Target(routing.pick(ThreadLocalRandom.current().nextDouble()), qualifier);
    }

    private void check(Task task, AliasRouting routing) {
        require(NAME.matcher(routing.alias()).matches(), "Alias name '" + routing.alias()
                + "' must match [A-Za-z0-9_-]{1,128} and not be all digits (that names a version).");
        requireVersion(task, routing.version());
        Integer canary = routing.additionalVersion();
        Double weight = routing.additionalWeight();
        require((canary == null) == (weight == null),
                "Give additionalVersion and additionalWeight together, or neither.");
        if (canary != null) {
            requireVersion(task, canary);
            require(canary != routing.version(), "additionalVersion must differ from version (" + canary + ").");
            require(weight >= 0 && weight <= 1, "additionalWeight must be between 0 and 1; got " + weight + ".");
        }
    }

    private void requireVersion(Task task, int version) {
        boolean pruned = version >= 1 && version < task.latestVersion();
        require(version >= 1 && this.versions.findByNameAndVersion(task.name(), version).isPresent(),
                "Task '" + task.name() + "' has no version " + version
                        + (pruned ? ": version retention pruned it (" + PRUNED_RULE + ")." : "."));
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw new InvalidAliasException(detail);
        }
    }
}
