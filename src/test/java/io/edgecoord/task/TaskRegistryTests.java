package io.edgecoord.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import io.edgecoord.web.PageResponse;

@DataJpaTest
@Import({ TaskRegistry.class, TestSecrets.class, TaskRegistryTests.FixedClock.class,
        TaskRegistryTests.CommittedChanges.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@RecordApplicationEvents
class TaskRegistryTests {

    private static final String SHA = "b".repeat(64);

    @Autowired
    TaskRegistry registry;

    @Autowired
    TaskRepository tasks;

    @Autowired
    ApplicationEvents events;

    @Autowired
    CommittedChanges committed;

    @AfterEach
    void deleteAll() {
        this.tasks.deleteAll();
        this.committed.received.clear();
    }

    @Test
    void createsVersionOneForANewTask() {
        Deployment deployment = record(settings(128), SHA, 42);
        assertThat(deployment.created()).isTrue();
        assertThat(deployment.task().latestVersion()).isEqualTo(1);
        assertThat(deployment.task().version().codeSize()).isEqualTo(42);
        assertThat(deployment.task().createdAt()).isEqualTo(FixedClock.NOW);
    }

    @Test
    void identicalRedeployCreatesNothing() {
        record(settings(128), SHA, 42);
        Deployment again = record(settings(128), SHA, 42);
        assertThat(again.created()).isFalse();
        assertThat(again.task().version().version()).isEqualTo(1);
        assertThat(this.registry.versions("hello").versions()).hasSize(1);
    }

    @Test
    void newSettingsOrNewCodeCreateTheNextVersion() {
        record(settings(128), SHA, 42);
        record(settings(256), SHA, 42);
        Deployment third = record(settings(256), "c".repeat(64), 43);
        assertThat(third.task().latestVersion()).isEqualTo(3);
        assertThat(this.registry.versions("hello").versions()).extracting(TaskVersionResponse::version)
            .containsExactly(3, 2, 1);
        assertThat(this.registry.find("hello").version().codeSha256()).isEqualTo("c".repeat(64));
    }

    @Test
    void changedExecutionSettingsAloneCreateTheNextVersion() {
        record(settings(128), SHA, 42);
        TaskExecution warm = new TaskExecution(TaskExecution.Isolation.CONTAINER, 0.5, 1, 2, null, false, 5, 1, null,
                1, null);
        Deployment second = record(settings(128, warm), SHA, 42);
        assertThat(second.created()).isTrue();
        assertThat(second.task().version().execution().minWarm()).isEqualTo(1);
        assertThat(second.task().version().retries().maxRetries()).isEqualTo(1);
        assertThat(record(settings(128, warm), SHA, 42).created()).isFalse();
        assertThat(record(settings(128), SHA, 42).task().latestVersion()).isEqualTo(3);
    }

    @Test
    void announcesNewVersionsAndDeletionsAfterTheyCommit() {
        record(settings(128), SHA, 42);
        record(settings(128), SHA, 42);
        record(settings(256), SHA, 42);
        this.registry.delete("hello");
        assertThat(this.events.stream(TaskChanged.class)).containsExactly(new TaskChanged("hello"),
                new TaskChanged("hello"), new TaskChanged("hello"));
        assertThat(this.committed.received).hasSize(3);
    }

    @Test
    void concurrentIdenticalDeploysCreateOneVersion() throws Exception {
        Callable<Deployment> deploy = () -> record(settings(128), SHA, 42);
        try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
            List<Future<Deployment>> results = executor.invokeAll(java.util.Collections.nCopies(16, deploy));
            long created = 0;
            for (Future<Deployment> result : results) {
                created += result.get().created() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        }
        assertThat(this.registry.versions("hello").versions()).hasSize(1);
    }

    @Test
    void listsTasksByPageWithTheirLatestVersion() {
        for (String name : new String[] { "c", "a", "b" }) {
            record(new TaskSettings(name, TaskRuntime.PROVIDED, null, 128, 30, Map.of()), SHA, 1);
        }
        record(new TaskSettings("a", TaskRuntime.PROVIDED, null, 256, 30, Map.of()), SHA, 1);
        PageResponse<TaskResponse> page = this.registry.list(PageRequest.of(0, 2, Sort.by("name")));
        assertThat(page.items()).extracting(TaskResponse::name).containsExactly("a", "b");
        assertThat(page.items().get(0).version().version()).isEqualTo(2);
        assertThat(page.totalItems()).isEqualTo(3);
        assertThat(page.totalPages()).isEqualTo(2);
    }

    @Test
    void deletesATaskAndRefusesUnknownOnes() {
        record(settings(128), SHA, 42);
        this.registry.delete("hello");
        assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.registry.find("hello"));
        assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.registry.delete("hello"));
        assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.registry.versions("hello"));
    }

    private static TaskSettings settings(int memoryMb) {
        return settings(memoryMb, TaskExecution.DEFAULTS);
    }

    private Deployment record(TaskSettings settings, String codeSha256, long codeSize) {
        return this.registry.record(settings, SecretEnvironment.NONE, codeSha256, codeSize);
    }

    private static TaskSettings settings(int memoryMb, TaskExecution execution) {
        return new TaskSettings("hello", TaskRuntime.PYTHON_3_11, "app.handler", memoryMb, 30, Map.of("A", "1"),
                execution);
    }

    /** Hears {@link TaskChanged} only once its transaction has committed, as the catalog's users should. */
    static class CommittedChanges {

        final List<TaskChanged> received = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(TaskChanged changed) {
            this.received.add(changed);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
