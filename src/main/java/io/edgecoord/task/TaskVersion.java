package io.edgecoord.task;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** One immutable version of a task: settings and the sha256 of its code artifact. Never changes. */
@Entity
@Table(name = "task_version")
class TaskVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_version_seq")
    @SequenceGenerator(name = "task_version_seq", sequenceName = "task_version_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Task task;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(nullable = false, updatable = false, length = 32)
    private TaskRuntime runtime;

    @Column(updatable = false, length = 128)
    private String handler;

    @Column(name = "memory_mb", nullable = false, updatable = false)
    private int memoryMb;

    @Column(name = "timeout_seconds", nullable = false, updatable = false)
    private int timeoutSeconds;

    @Convert(converter = EnvironmentJson.class)
    @Column(name = "environment_json", nullable = false, updatable = false, length = EnvironmentJson.MAX_LENGTH)
    private Map<String, String> environment;

    /** How it is run and scheduled; {@code null} when every setting is at its default. */
    @Convert(converter = ExecutionJson.class)
    @Column(name = "execution_json", updatable = false, length = ExecutionJson.MAX_LENGTH)
    private TaskExecution execution;

    /** What it may reach from its environment; {@code null} when it may reach nothing. */
    @Convert(converter = PermissionsJson.class)
    @Column(name = "permissions_json", updatable = false, length = PermissionsJson.MAX_LENGTH)
    private TaskPermissions permissions;

    /** Its secret variables, each value sealed by {@link SecretVariables}; {@code null} when it has none. */
    @Convert(converter = EnvironmentJson.class)
    @Column(name = "secret_environment_json", updatable = false, length = SecretVariables.MAX_SEALED_LENGTH)
    private Map<String, String> sealedSecrets;

    @Column(name = "code_sha256", nullable = false, updatable = false, length = 64)
    private String codeSha256;

    @Column(name = "code_size", nullable = false, updatable = false)
    private long codeSize;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TaskVersion() {
    }

    TaskVersion(Task task, int version, TaskSettings settings, Map<String, String> sealedSecrets, String codeSha256,
            long codeSize, Instant now) {
        this.task = task;
        this.version = version;
        this.runtime = settings.runtime();
        this.handler = settings.handler();
        this.memoryMb = settings.memoryMb();
        this.timeoutSeconds = settings.timeoutSeconds();
        this.environment = settings.environment();
        this.execution = settings.execution().equals(TaskExecution.DEFAULTS) ? null : settings.execution();
        this.permissions = settings.permissions().isNone() ? null : settings.permissions();
        this.sealedSecrets = sealedSecrets.isEmpty() ? null : Map.copyOf(sealedSecrets);
        this.codeSha256 = codeSha256;
        this.codeSize = codeSize;
        this.createdAt = now;
    }

    /** Whether deploying these settings and code again would change nothing but, perhaps, secret values. */
    boolean sameAs(TaskSettings settings, String codeSha256) {
        return this.codeSha256.equals(codeSha256) && settings().equals(settings);
    }

    TaskSettings settings() {
        return new TaskSettings(this.task.name(), this.runtime, this.handler, this.memoryMb, this.timeoutSeconds,
                this.environment, this.execution, this.permissions);
    }

    /** The secret variables as stored, by name: each value sealed, never plain text. */
    Map<String, String> sealedSecrets() {
        return (this.sealedSecrets != null) ? this.sealedSecrets : Map.of();
    }

    Task task() {
        return this.task;
    }

    int version() {
        return this.version;
    }

    String codeSha256() {
        return this.codeSha256;
    }

    long codeSize() {
        return this.codeSize;
    }

    Instant createdAt() {
        return this.createdAt;
    }
}
