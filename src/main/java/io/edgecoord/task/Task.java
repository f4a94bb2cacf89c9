package io.edgecoord.task;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A deployed task: its name and the number of its latest immutable {@link TaskVersion}. */
@Entity
@Table(name = "task")
class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_seq")
    @SequenceGenerator(name = "task_seq", sequenceName = "task_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @Column(name = "latest_version", nullable = false)
    private int latestVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(length = 256)
    private String description;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Task() {
    }

    /** A new task with no version yet; {@link #release} gives it version 1. */
    Task(String name, Instant now) {
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Creates the next version of this task, without secret variables, from new settings or new code. */
    TaskVersion release(TaskSettings settings, String codeSha256, long codeSize, Instant now) {
        return release(settings, Map.of(), codeSha256, codeSize, now);
    }

    /** Creates the next version of this task from new settings, new secrets (sealed) or new code. */
    TaskVersion release(TaskSettings settings, Map<String, String> sealedSecrets, String codeSha256, long codeSize,
            Instant now) {
        if (!settings.name().equals(this.name)) {
            throw new IllegalArgumentException("Settings of task " + settings.name() + " given to task " + this.name);
        }
        this.latestVersion++;
        this.updatedAt = now;
        return new TaskVersion(this, this.latestVersion, settings, sealedSecrets, codeSha256, codeSize, now);
    }

    Long id() {
        return this.id;
    }

    String name() {
        return this.name;
    }

    int latestVersion() {
        return this.latestVersion;
    }

    Instant createdAt() {
        return this.createdAt;
    }

    /** What Lambda's {@code Description} says of the function, or {@code null}. */
    String description() {
        return this.description;
    }

    Instant updatedAt() {
        return this.updatedAt;
    }
}
