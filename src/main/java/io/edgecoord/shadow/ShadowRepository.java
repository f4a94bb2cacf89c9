package io.edgecoord.shadow;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Shadows by device name, tombstones included. */
interface ShadowRepository extends JpaRepository<Shadow, String> {

    /** Removes tombstones deleted before the instant, whose versions no longer count. */
    @Modifying
    @Transactional
    @Query("delete from Shadow s where s.document is null and s.deletedAt < :before")
    int deleteTombstonesBefore(@Param("before") Instant before);
}
