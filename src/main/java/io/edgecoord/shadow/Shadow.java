package io.edgecoord.shadow;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A device's stored shadow: its document as JSON text and its version, or, after a delete, a
 * tombstone that keeps the version so that numbering continues (as AWS does for 48 hours).
 */
@Entity
@Table(name = "shadow")
class Shadow {

    @Id
    @Column(length = 128)
    private String device;

    @Column(length = 1_000_000)
    private String document;

    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(length = 4000)
    private String actuation;

    @Version
    @Column(name = "lock_version", nullable = false)
    private Long lockVersion;

    protected Shadow() {
    }

    /** A device's shadow before its first accepted update; it is stored by {@link #accept}. */
    Shadow(String device) {
        this.device = device;
    }

    /** Stores the document of an accepted update; a tombstone becomes a live shadow again. */
    void accept(String document, long version, Instant at) {
        if (version < 1) {
            throw new IllegalArgumentException("Shadow versions start at 1, not " + version);
        }
        this.document = document;
        this.version = version;
        this.updatedAt = at;
        this.deletedAt = null;
    }

    /** Deletes the document and keeps the version, as a tombstone. */
    void delete(Instant at) {
        if (this.document == null) {
            throw new IllegalStateException("The shadow of " + this.device + " is already deleted");
        }
        this.document = null;
        this.deletedAt = at;
        this.updatedAt = at;
    }

    /** Records the outcome of the last attempt to write desired values to the device (JSON text). */
    void recordActuation(String outcome) {
        this.actuation = outcome;
    }

    /** The version the next update builds on: a tombstone's, unless its time is up, then 0. */
    long versionAt(Instant now, Duration tombstoneTtl) {
        if (this.deletedAt != null && !now.isBefore(this.deletedAt.plus(tombstoneTtl))) {
            return 0;
        }
        return this.version;
    }

    String device() {
        return this.device;
    }

    /** The document, unless the shadow was never stored or is deleted. */
    Optional<String> document() {
        return Optional.ofNullable(this.document);
    }

    long version() {
        return this.version;
    }

    Instant updatedAt() {
        return this.updatedAt;
    }

    Optional<String> actuation() {
        return Optional.ofNullable(this.actuation);
    }
}
