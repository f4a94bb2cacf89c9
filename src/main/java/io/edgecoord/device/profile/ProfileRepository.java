package io.edgecoord.device.profile;

import org.springframework.data.jpa.repository.JpaRepository;

/** Device profiles by name. */
public interface ProfileRepository extends JpaRepository<Profile, String> {
}
