package io.edgecoord.deployment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.edgecoord.persistence.AssignedIdEntity;

/** A resource a bundle created, marked so: {@code <kind>:<name>} and the version that created it. */
@Entity
@Table(name = "deployment_resource")
class ManagedResource extends AssignedIdEntity {

    @Id
    @Column(length = 600)
    private String resource;

    @Column(name = "created_by", nullable = false)
    private int createdBy;

    protected ManagedResource() {
    }

    ManagedResource(String resource, int createdBy) {
        this.resource = resource;
        this.createdBy = createdBy;
    }

    @Override
    public String getId() {
        return resource;
    }

    int createdBy() {
        return createdBy;
    }
}
