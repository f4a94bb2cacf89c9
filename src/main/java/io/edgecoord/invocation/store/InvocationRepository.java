package io.edgecoord.invocation.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.edgecoord.invocation.InvocationStatus;

/** Invocation records in the database, with the queries the store, recovery and retention need. */
public interface InvocationRepository extends JpaRepository<Invocation, String>, JpaSpecificationExecutor<Invocation> {

    Optional<Invocation> findByTaskNameAndIdempotencyKey(String taskName, String idempotencyKey);

    List<Invocation> findByStatusInOrderByAcceptedAt(List<InvocationStatus> statuses);

    /** Each {task name, version} that a queued or running call names, once (by the status index). */
    @Query("""
            select distinct i.taskName, i.taskVersion from Invocation i
            where i.status in (io.edgecoord.invocation.InvocationStatus.QUEUED,
                io.edgecoord.invocation.InvocationStatus.RUNNING)""")
    List<Object[]> findVersionsNotEnded();

    /**
     * Notes that its client asked to stop a call that has not ended, touching no other column, so
     * that it cannot undo what the call's own updates wrote meanwhile.
     *
     * @return 1 when noted, 0 when the call has ended
     */
    @Modifying
    @Query("""
            update Invocation i set i.cancelRequestedAt = :at
            where i.id = :id and i.status in (io.edgecoord.invocation.InvocationStatus.QUEUED,
                io.edgecoord.invocation.InvocationStatus.RUNNING)""")
    int requestCancel(@Param("id") String id, @Param("at") java.time.Instant at);

    /** Ids of records in {@code statuses} that ended before {@code cutoff}, oldest end first. */
    @Query("""
            select i.id from Invocation i where i.status in :statuses and i.finishedAt < :cutoff
            order by i.finishedAt""")
    List<String> findEndedBefore(@Param("statuses") List<InvocationStatus> statuses,
            @Param("cutoff") java.time.Instant cutoff, org.springframework.data.domain.Limit limit);

    /** Ids of ended records, oldest end first, dead letters last. */
    @Query("""
            select i.id from Invocation i where i.status in :statuses
            order by case when i.status = io.edgecoord.invocation.InvocationStatus.DEAD_LETTERED then 1 else 0 end,
                i.finishedAt""")
    List<String> findOldestEnded(@Param("statuses") List<InvocationStatus> statuses,
            org.springframework.data.domain.Limit limit);

    @Query("select count(i) from Invocation i where i.status in :statuses")
    long countByStatuses(@Param("statuses") List<InvocationStatus> statuses);

    /** Deletes those of {@code ids} still in {@code statuses}; their logs go by the foreign key's cascade. */
    @Modifying
    @Query("delete from Invocation i where i.id in :ids and i.status in :statuses")
    int deleteEnded(@Param("ids") List<String> ids, @Param("statuses") List<InvocationStatus> statuses);
}
