package io.edgecoord.task;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;

import org.springframework.data.jpa.repository.JpaRepository;

/** Tasks by name. */
interface TaskRepository extends JpaRepository<Task, Long> {

    Optional<Task> findByName(String name);

    /** Sets a task's description by a single update, so that it never writes back a stale latest version. */
    @Modifying
    @Transactional
    @Query("update Task t set t.description = :description where t.name = :name")
    int describe(@Param("name") String name, @Param("description") String description);

    /** Tasks by name after {@code name}, for paging by marker (Lambda's ListFunctions). */
    List<Task> findByNameGreaterThanOrderByName(String name, Limit limit);
}
