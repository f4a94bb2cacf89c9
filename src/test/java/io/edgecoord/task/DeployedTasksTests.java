package io.edgecoord.task;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.edgecoord.task.TaskExecution.Isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/** The catalog over the real repositories; only the unpacking of code is mocked. */
@DataJpaTest
@Import({ DeployedTasks.class, TestSecrets.class })
class DeployedTasksTests {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static final TaskExecution WARM = execution(2, false);

    private static final TaskExecution PINNED = execution(1, true);

    @Autowired
    TaskCatalog catalog;

    @Autowired
    TaskRepository tasks;

    @Autowired
    TaskVersionRepository versions;

    @Autowired
    EntityManager entityManager;

    @MockitoBean
    ArtifactStore store;

    @BeforeEach
    void codeIsUnpacked() {
        given(this.store.codeDirectory(anyString())).willReturn(Path.of("/code"));
    }

    @Test
    void fillsTheExecutionSettingsOfAVersion() {
        deploy("warm", WARM);
        assertThat(this.catalog.latest("warm").execution()).isEqualTo(WARM);
        deploy("plain", TaskExecution.DEFAULTS);
        assertThat(this.catalog.version("plain", 1).execution()).isEqualTo(TaskExecution.DEFAULTS);
    }

    @Test
    void warmTargetsAreTheLatestVersionsThatKeepEnvironmentsWarmOrArePinned() {
        deploy("cooled", WARM, TaskExecution.DEFAULTS);
        deploy("warmed", TaskExecution.DEFAULTS, WARM);
        deploy("pinned", PINNED);
        deploy("urgent", new TaskExecution(Isolation.CONTAINER, null, 0, null, null, false, 9, 1, null, null, null));
        deploy("plain", TaskExecution.DEFAULTS);
        this.entityManager.flush();
        this.entityManager.clear();
        assertThat(this.catalog.warmTargets())
            .extracting((task) -> task.name() + ":" + task.version() + ":" + task.execution().minWarm())
            .containsExactly("pinned:1:1", "warmed:2:2");
        assertThat(this.catalog.warmTargets()).allSatisfy((task) -> {
            assertThat(task.codeDirectory()).isEqualTo(Path.of("/code"));
            assertThat(task.timeout()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void warmTargetsIsEmptyWithoutWarmTasks() {
        deploy("plain", TaskExecution.DEFAULTS);
        assertThat(this.catalog.warmTargets()).isEmpty();
    }

    private void deploy(String name, TaskExecution... versions) {
        Task task = this.tasks.save(new Task(name, NOW));
        for (TaskExecution execution : versions) {
            TaskSettings settings = new TaskSettings(name, TaskRuntime.PROVIDED, null, 128, 30, Map.of(), execution);
            this.versions.save(task.release(settings, "a".repeat(64), 10, NOW));
        }
    }

    private static TaskExecution execution(int minWarm, boolean pinned) {
        return new TaskExecution(Isolation.CONTAINER, null, minWarm, null, null, pinned, 5, 1, null, null, null);
    }
}
