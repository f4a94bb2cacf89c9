package io.edgecoord.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import io.edgecoord.task.TaskExecution.Isolation;

import static org.assertj.core.api.Assertions.assertThat;

@DataJpaTest
class TaskVersionRepositoryTests {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Autowired
    TaskRepository tasks;

    @Autowired
    TaskVersionRepository versions;

    @Autowired
    EntityManager entityManager;

    @Test
    void listsVersionsNewestFirst() {
        Task task = taskWithVersions("hello", 3);
        assertThat(this.versions.findNewestFirst(task)).extracting(TaskVersion::version).containsExactly(3, 2, 1);
    }

    @Test
    void findsOneVersionByTaskName() {
        taskWithVersions("hello", 2);
        assertThat(this.versions.findByNameAndVersion("hello", 1)).get()
            .satisfies((version) -> assertThat(version.settings().environment()).containsEntry("V", "1"));
        assertThat(this.versions.findByNameAndVersion("hello", 3)).isEmpty();
        assertThat(this.versions.findByNameAndVersion("other", 1)).isEmpty();
    }

    @Test
    void findsTheLatestVersionOfEachTask() {
        Task a = taskWithVersions("a", 2);
        Task b = taskWithVersions("b", 1);
        assertThat(this.versions.findLatestOf(List.of(a, b)))
            .extracting((version) -> version.task().name() + ":" + version.version())
            .containsExactlyInAnyOrder("a:2", "b:1");
    }

    @Test
    void deletingATaskDeletesItsVersions() {
        Task doomed = taskWithVersions("doomed", 2);
        Task kept = taskWithVersions("kept", 1);
        this.tasks.delete(doomed);
        this.entityManager.flush();
        this.entityManager.clear();
        assertThat(this.tasks.findByName("doomed")).isEmpty();
        assertThat(this.versions.findAll()).extracting((version) -> version.task().name()).containsOnly("kept");
        assertThat(this.versions.countByTask(kept)).isEqualTo(1);
    }

    @Test
    void keepsEnvironmentAndRuntimeThroughTheDatabase() {
        taskWithVersions("hello", 1);
        this.entityManager.clear();
        TaskSettings settings = this.versions.findByNameAndVersion("hello", 1).orElseThrow().settings();
        assertThat(settings.runtime()).isEqualTo(TaskRuntime.PYTHON_3_11);
        assertThat(settings.environment()).containsExactly(Map.entry("V", "1"));
    }

    @Test
    void keepsExecutionSettingsThroughTheDatabase() {
        TaskExecution execution = new TaskExecution(Isolation.NONE, 0.25, 1, 4, Duration.ofMinutes(10), false, 7, 20,
                100, 0, Duration.ofMinutes(30));
        Task task = this.tasks.save(new Task("warm", NOW));
        this.versions.save(task.release(settings("warm", execution), "a".repeat(64), 10, NOW));
        this.entityManager.flush();
        this.entityManager.clear();
        TaskVersion read = this.versions.findByNameAndVersion("warm", 1).orElseThrow();
        assertThat(read.settings().execution()).isEqualTo(execution);
        assertThat(read.sameAs(settings("warm", execution), "a".repeat(64))).isTrue();
        assertThat(read.sameAs(settings("warm", TaskExecution.DEFAULTS), "a".repeat(64))).isFalse();
    }

    @Test
    void storesDefaultExecutionSettingsAsNullAndReadsNullAsDefaults() {
        taskWithVersions("plain", 1);
        this.entityManager.clear();
        Object column = this.entityManager
            .createNativeQuery("select v.execution_json from task_version v join task t on t.id = v.task_id "
                    + "where t.name = 'plain'")
            .getSingleResult();
        assertThat(column).isNull();
        assertThat(this.versions.findByNameAndVersion("plain", 1).orElseThrow().settings().execution())
            .isEqualTo(TaskExecution.DEFAULTS);
    }

    @Test
    void keepsPermissionsThroughTheDatabaseAndStoresNoneAsNull() {
        TaskPermissions permissions = new TaskPermissions(List.of("thermo-*"), List.of("thermo-1"),
                List.of("report-*"), List.of("alerts/#"), List.of("devices/+/readings/#"));
        Task task = this.tasks.save(new Task("granted", NOW));
        this.versions.save(task.release(new TaskSettings("granted", TaskRuntime.PROVIDED, null, 128, 30, Map.of(),
                TaskExecution.DEFAULTS, permissions), "a".repeat(64), 10, NOW));
        taskWithVersions("plain", 1);
        this.entityManager.clear();
        assertThat(this.versions.findByNameAndVersion("granted", 1).orElseThrow().settings().permissions())
            .isEqualTo(permissions);
        assertThat(this.versions.findByNameAndVersion("plain", 1).orElseThrow().settings().permissions())
            .isEqualTo(TaskPermissions.NONE);
        assertThat(this.entityManager
            .createNativeQuery("select v.permissions_json from task_version v join task t on t.id = v.task_id "
                    + "where t.name = 'plain'")
            .getSingleResult()).isNull();
    }

    @Test
    void findsTheLatestVersionsWithExecutionSettingsOfTheirOwn() {
        TaskExecution warm = new TaskExecution(Isolation.CONTAINER, null, 1, null, null, false, 5, 1, null, null,
                null);
        Task cooled = this.tasks.save(new Task("cooled", NOW));
        this.versions.save(cooled.release(settings("cooled", warm), "a".repeat(64), 10, NOW));
        this.versions.save(cooled.release(settings("cooled", TaskExecution.DEFAULTS), "a".repeat(64), 10, NOW));
        Task kept = this.tasks.save(new Task("kept", NOW));
        this.versions.save(kept.release(settings("kept", warm), "a".repeat(64), 10, NOW));
        taskWithVersions("plain", 1);
        this.entityManager.clear();
        assertThat(this.versions.findLatestWithExecution())
            .extracting((version) -> version.task().name() + ":" + version.version())
            .containsExactly("kept:1");
    }

    private static TaskSettings settings(String name, TaskExecution execution) {
        return new TaskSettings(name, TaskRuntime.PYTHON_3_11, "app.handler", 128, 30, Map.of(), execution);
    }

    private Task taskWithVersions(String name, int count) {
        Task task = this.tasks.save(new Task(name, NOW));
        for (int i = 1; i <= count; i++) {
            TaskSettings settings = new TaskSettings(name, TaskRuntime.PYTHON_3_11, "app.handler", 128, 30,
                    Map.of("V", String.valueOf(i)));
            this.versions.save(task.release(settings, "a".repeat(64), 10, NOW.plusSeconds(i)));
        }
        this.entityManager.flush();
        return task;
    }
}
