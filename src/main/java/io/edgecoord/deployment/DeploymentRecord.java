package io.edgecoord.deployment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One applied bundle: its version, who applied it and when, the document itself and what it changed. */
@Entity
@Table(name = "deployment")
class DeploymentRecord {

    @Id
    private Integer version;

    @Column(name = "key_id", length = 64)
    private String keyId;

    @Column(name = "applied_at", nullable = false)
    private Instant appliedAt;

    @Column(nullable = false, length = 1048576)
    private String document;

    @Column(name = "diff_json", nullable = false, length = 65536)
    private String diffJson;

    @Column(name = "rolled_back_from")
    private Integer rolledBackFrom;

    protected DeploymentRecord() {
    }

    DeploymentRecord(int version, String keyId, Instant appliedAt, String document, String diffJson,
            Integer rolledBackFrom) {
        this.version = version;
        this.keyId = keyId;
        this.appliedAt = appliedAt;
        this.document = document;
        this.diffJson = diffJson;
        this.rolledBackFrom = rolledBackFrom;
    }

    int version() { return version; }
    String keyId() { return keyId; }
    Instant appliedAt() { return appliedAt; }
    String document() { return document; }
    String diffJson() { return diffJson; }
    Integer rolledBackFrom() { return rolledBackFrom; }
}
