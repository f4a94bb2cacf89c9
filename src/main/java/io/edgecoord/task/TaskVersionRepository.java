package io.edgecoord.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Versions of tasks. */
interface TaskVersionRepository extends JpaRepository<TaskVersion, Long> {

    @Query("select v from TaskVersion v join fetch v.task t where t.name = :name and v.version = :version")
    Optional<TaskVersion> findByNameAndVersion(String name, int version);

    @Query("select v from TaskVersion v where v.task = :task order by v.version desc")
    List<TaskVersion> findNewestFirst(Task task);

    /** The latest version of each of these tasks, in one query. */
    @Query("select v from TaskVersion v join fetch v.task t where t in :tasks and v.version = t.latestVersion")
    List<TaskVersion> findLatestOf(Collection<Task> tasks);

    long countByTask(Task task);
}
