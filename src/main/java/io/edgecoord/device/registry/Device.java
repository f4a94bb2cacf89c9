package io.edgecoord.device.registry;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A stored device: the definition as a JSON document, its profile and admin state as columns, and
 * a revision that is both the optimistic lock and the API's ETag.
 */
@Entity
@Table(name = "device")
public class Device {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    @Column(name = "profile_name", nullable = false, length = 128)
    private String profileName;

    @Enumerated(EnumType.STRING)
    @Column(name = "admin_state", nullable = false, length = 16)
    private AdminState adminState;

    @Column(nullable = false, length = 65536)
    private String document;

    @Version
    private long revision;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    protected Device() {
    }

    public Device(UUID id, String name, String profileName, AdminState adminState, String document, Instant now) {
        this.id = id;
        this.name = name;
        this.profileName = profileName;
        this.adminState = adminState;
        this.document = document;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    /** Replaces the definition; the name never changes. */
    void redefine(String profileName, AdminState adminState, String document, Instant now) {
        this.profileName = profileName;
        this.adminState = adminState;
        this.document = document;
        this.modifiedAt = now;
    }

    /** Replaces the stored document by the same definition stored differently (its secrets sealed). */
    void reseal(String document) {
        this.document = document;
    }

    UUID id() {
        return this.id;
    }

    String name() {
        return this.name;
    }

    public String document() {
        return this.document;
    }

    long revision() {
        return this.revision;
    }

    Instant createdAt() {
        return this.createdAt;
    }

    Instant modifiedAt() {
        return this.modifiedAt;
    }
}
