package io.edgecoord.task;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;

import org.springframework.data.jpa.repository.JpaRepository;

/** Tasks by name. */
interface TaskRepository extends JpaRepository<Task, Long> {

    Optional<Task> findByName(String name);

    /** Tasks by name after {@code name}, for paging by marker (Lambda's ListFunctions). */
    List<Task> findByNameGreaterThanOrderByName(String name, Limit limit);
}
