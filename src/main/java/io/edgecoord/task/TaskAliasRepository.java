package io.edgecoord.task;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Aliases of tasks. */
interface TaskAliasRepository extends JpaRepository<TaskAlias, Long> {

    @Query("select a from TaskAlias a join fetch a.task t where t.name = :task and a.name = :alias")
    Optional<TaskAlias> findByTaskAndName(String task, String alias);

    @Query("select a from TaskAlias a join fetch a.task t where t.name = :task order by a.name")
    List<TaskAlias> findByTask(String task);

    /** The task's most recently created or changed alias first: what a rollback without a name moves. */
    @Query("select a from TaskAlias a join fetch a.task t where t.name = :task order by a.updatedAt desc, a.name")
    List<TaskAlias> findByTaskNewestFirst(String task);

    /** What every alias names, as {task name, version, canary version or null}, for version retention. */
    @Query("select t.name, a.version, a.additionalVersion from TaskAlias a join a.task t")
    List<Object[]> findAllTargets();
}
