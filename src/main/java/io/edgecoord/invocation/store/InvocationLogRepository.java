package io.edgecoord.invocation.store;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.edgecoord.invocation.InvocationStatus;

interface InvocationLogRepository extends JpaRepository<InvocationLog, String> {

    /** Deletes at once, not at the flush, so a new log for the same invocation can follow. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from InvocationLog l where l.invocationId = :id")
    void deleteByInvocationId(@Param("id") String id);

    /** Ids of logs whose invocation ended before {@code cutoff}, oldest end first. */
    @Query("""
            select l.invocationId from InvocationLog l join Invocation i on i.id = l.invocationId
            where i.status in :statuses and i.finishedAt < :cutoff order by i.finishedAt""")
    java.util.List<String> findEndedBefore(@Param("statuses") java.util.List<InvocationStatus> statuses,
            @Param("cutoff") java.time.Instant cutoff, org.springframework.data.domain.Limit limit);

    /** What all logs take, in bytes. */
    @Query("select coalesce(sum(l.sizeBytes), 0) from InvocationLog l")
    long totalBytes();

    /** The oldest logs of ended invocations, oldest end first: their ids and sizes. */
    @Query("""
            select l.invocationId as id, l.sizeBytes as bytes from InvocationLog l
            join Invocation i on i.id = l.invocationId
            where i.status in :statuses order by i.finishedAt""")
    java.util.List<LogSize> findOldestEnded(@Param("statuses") java.util.List<InvocationStatus> statuses,
            org.springframework.data.domain.Limit limit);

    /** A log's id and size. */
    interface LogSize {
        String getId();

        long getBytes();
    }

    @Modifying
    @Query("delete from InvocationLog l where l.invocationId in :ids")
    int deleteByIds(@Param("ids") java.util.List<String> ids);
}
