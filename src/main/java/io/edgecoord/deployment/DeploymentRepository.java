package io.edgecoord.deployment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeploymentRepository extends JpaRepository<DeploymentRecord, Integer> {

    Optional<DeploymentRecord> findTopByOrderByVersionDesc();

    List<DeploymentRecord> findAllByOrderByVersionDesc();
}
