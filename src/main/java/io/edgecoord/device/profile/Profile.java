package io.edgecoord.device.profile;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored device profile: its name and its definition as a JSON document. */
@Entity
@Table(name = "device_profile")
public class Profile {

    @Id
    @Column(length = 128)
    private String name;

    @Column(nullable = false, length = 65536)
    private String document;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    protected Profile() {
    }

    public Profile(String name, String document, Instant now) {
        this.name = name;
        this.document = document;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    /** Replaces the definition; the name never changes. */
    public void redefine(String document, Instant now) {
        this.document = document;
        this.modifiedAt = now;
    }

    public String name() {
        return this.name;
    }

    public String document() {
        return this.document;
    }
}
