package io.edgecoord.task;

import java.time.Instant;

import jakarta.persistence.Column;
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

/** A task's named pointer to one of its versions, optionally sharing its calls with a second (a canary). */
@Entity
@Table(name = "task_alias")
class TaskAlias {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_alias_seq")
    @SequenceGenerator(name = "task_alias_seq", sequenceName = "task_alias_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Task task;

    @Column(nullable = false, updatable = false, length = 128)
    private String name;

    @Column(nullable = false)
    private int version;

    @Column(name = "additional_version")
    private Integer additionalVersion;

    @Column(name = "additional_weight")
    private Double additionalWeight;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TaskAlias() {
    }

    TaskAlias(Task task, String name, Instant now) {
        this.task = task;
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Points the alias at a routing already checked against the task's versions. */
    void pointAt(AliasRouting routing, Instant now) {
        this.version = routing.version();
        this.additionalVersion = routing.additionalVersion();
        this.additionalWeight = routing.additionalWeight();
        this.updatedAt = now;
    }

    AliasRouting routing() {
        return new AliasRouting(this.task.name(), this.name, this.version, this.additionalVersion,
                this.additionalWeight, this.createdAt, this.updatedAt);
    }

    Task task() {
        return this.task;
    }
}
