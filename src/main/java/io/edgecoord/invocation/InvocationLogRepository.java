package io.edgecoord.invocation;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InvocationLogRepository extends JpaRepository<InvocationLog, String> {

    /** Deletes at once, not at the flush, so a new log for the same invocation can follow. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from InvocationLog l where l.invocationId = :id")
    void deleteByInvocationId(@Param("id") String id);
}
