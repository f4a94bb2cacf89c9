package io.edgecoord.device.registry;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Devices by name; by profile for the "in use" check. */
public interface DeviceRepository extends JpaRepository<Device, java.util.UUID> {

    Optional<Device> findByName(String name);

    boolean existsByProfileName(String profileName);
}
