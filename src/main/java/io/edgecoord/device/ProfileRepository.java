package io.edgecoord.device;

import org.springframework.data.jpa.repository.JpaRepository;

/** Device profiles by name. */
interface ProfileRepository extends JpaRepository<Profile, String> {
}
