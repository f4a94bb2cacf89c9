package io.edgecoord.task;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Tasks by name. */
interface TaskRepository extends JpaRepository<Task, Long> {

    Optional<Task> findByName(String name);
}
