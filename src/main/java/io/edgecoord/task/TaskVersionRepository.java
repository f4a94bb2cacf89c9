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

    /** The latest version of every task whose execution settings are not all defaults, by task name. */
    @Query("select v from TaskVersion v join fetch v.task t where v.version = t.latestVersion "
            + "and v.execution is not null order by t.name")
    List<TaskVersion> findLatestWithExecution();

    long countByTask(Task task);

    /** Every stored version as {task name, version, code sha256}, for version retention. */
    @Query("select t.name, v.version, v.codeSha256 from TaskVersion v join v.task t")
    List<Object[]> findAllStored();

    boolean existsByCodeSha256(String codeSha256);
}
