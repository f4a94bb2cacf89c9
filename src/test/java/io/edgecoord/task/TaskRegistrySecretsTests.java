package io.edgecoord.task;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/** Secret variables through the registry and the database: sealed at rest, compared by their values. */
@DataJpaTest
@Import({ TaskRegistry.class, DeployedTasks.class, TestSecrets.class, TaskRegistryTests.FixedClock.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class TaskRegistrySecretsTests {

    private static final String SHA = "b".repeat(64);

    private static final SecretEnvironment SECRETS = new SecretEnvironment(Map.of("DB_PASSWORD", "hunter2-plain"));

    @Autowired
    TaskRegistry registry;

    @Autowired
    TaskCatalog catalog;

    @Autowired
    TaskRepository tasks;

    @Autowired
    EntityManager entityManager;

    @MockitoBean
    ArtifactStore store;

    @AfterEach
    void deleteAll() {
        this.tasks.deleteAll();
    }

    @Test
    void theStoredColumnHoldsNoSecretInPlainText() {
        this.registry.record(settings(), SECRETS, SHA, 1);
        String column = (String) this.entityManager
            .createNativeQuery("select v.secret_environment_json from task_version v join task t on t.id = v.task_id "
                    + "where t.name = 'hello'")
            .getSingleResult();
        assertThat(column).contains("\"DB_PASSWORD\":\"v1:").doesNotContain("hunter2");
        String everything = this.entityManager
            .createNativeQuery("select concat(v.environment_json, coalesce(v.secret_environment_json, ''), "
                    + "coalesce(v.execution_json, ''), coalesce(v.permissions_json, '')) from task_version v")
            .getSingleResult()
            .toString();
        assertThat(everything).doesNotContain("hunter2");
    }

    @Test
    void anIdenticalRedeployWithTheSameSecretsMakesNoNewVersion() {
        assertThat(this.registry.record(settings(), SECRETS, SHA, 1).created()).isTrue();
        Deployment again = this.registry.record(settings(), new SecretEnvironment(Map.of("DB_PASSWORD",
                "hunter2-plain")), SHA, 1);
        assertThat(again.created()).isFalse();
        assertThat(again.task().latestVersion()).isEqualTo(1);
    }

    @Test
    void aChangedAddedOrRemovedSecretMakesTheNextVersion() {
        this.registry.record(settings(), SECRETS, SHA, 1);
        this.registry.record(settings(), new SecretEnvironment(Map.of("DB_PASSWORD", "rotated")), SHA, 1);
        this.registry.record(settings(), new SecretEnvironment(Map.of("DB_PASSWORD", "rotated", "TOKEN", "t")), SHA,
                1);
        Deployment fourth = this.registry.record(settings(), SecretEnvironment.NONE, SHA, 1);
        assertThat(fourth.task().latestVersion()).isEqualTo(4);
        assertThat(this.catalog.version("hello", 2).secretEnvironment()).containsExactly(
                Map.entry("DB_PASSWORD", "rotated"));
        assertThat(this.catalog.version("hello", 4).secretEnvironment()).isEmpty();
    }

    @Test
    void responsesNameSecretVariablesWithAHiddenValue() {
        TaskResponse deployed = this.registry.record(settings(), SECRETS, SHA, 1).task();
        assertThat(deployed.version().secretEnvironment()).containsExactly(Map.entry("DB_PASSWORD", "***"));
        assertThat(this.registry.find("hello").version().secretEnvironment()).containsOnlyKeys("DB_PASSWORD");
        assertThat(this.registry.versions("hello").versions().getFirst().secretEnvironment())
            .containsExactly(Map.entry("DB_PASSWORD", "***"));
        assertThat(deployed.version().environment()).containsExactly(Map.entry("MODE", "test"));
    }

    @Test
    void theCatalogOpensTheSecretsButItsTextShowsNone() {
        this.registry.record(settings(), SECRETS, SHA, 1);
        DeployedTask task = this.catalog.latest("hello");
        assertThat(task.secretEnvironment()).containsExactly(Map.entry("DB_PASSWORD", "hunter2-plain"));
        assertThat(task.environment()).containsOnlyKeys("MODE");
        assertThat(task.toString()).contains("DB_PASSWORD").doesNotContain("hunter2");
    }

    @Test
    void permissionsAreFrozenWithTheVersionAndPartOfTheComparison() {
        TaskPermissions invoke = new TaskPermissions(null, null, List.of("report-*", "notify"), null, null);
        this.registry.record(settings(), SecretEnvironment.NONE, SHA, 1);
        assertThat(this.registry.record(settings(invoke), SecretEnvironment.NONE, SHA, 1).created()).isTrue();
        TaskPermissions reordered = new TaskPermissions(null, null, List.of("notify", "report-*"), null, null);
        assertThat(this.registry.record(settings(reordered), SecretEnvironment.NONE, SHA, 1).created()).isFalse();
        assertThat(this.catalog.permissions("hello", 1)).contains(TaskPermissions.NONE);
        assertThat(this.catalog.permissions("hello", 2)).contains(invoke);
        assertThat(this.catalog.permissions("hello", 3)).isEmpty();
        assertThat(this.registry.find("hello").version().permissions().invoke()).containsExactly("notify",
                "report-*");
    }

    private static TaskSettings settings() {
        return settings(TaskPermissions.NONE);
    }

    private static TaskSettings settings(TaskPermissions permissions) {
        return new TaskSettings("hello", TaskRuntime.PROVIDED, null, 128, 30, Map.of("MODE", "test"),
                TaskExecution.DEFAULTS, permissions);
    }
}
