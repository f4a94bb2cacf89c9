package io.edgecoord.deployment;

import org.springframework.data.jpa.repository.JpaRepository;

interface ManagedResourceRepository extends JpaRepository<ManagedResource, String> {
}
