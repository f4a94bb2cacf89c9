package io.edgecoord.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DataJpaTest
@Import({ TaskRegistry.class, TaskAliases.class, TestSecrets.class, TaskAliasesTests.Clocks.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class TaskAliasesTests {

    @Autowired
    TaskRegistry registry;

    @Autowired
    TaskAliases aliases;

    @Autowired
    TaskRepository tasks;

    @Autowired
    TaskVersionRepository versions;

    @AfterEach
    void deleteAll() {
        this.tasks.deleteAll();
    }

    @Test
    void createsThenMovesAnAlias() {
        deploy(3);
        TaskAliases.Put created = this.aliases.put(AliasRouting.of("hello", "live", 2, null, null));
        assertThat(created.created()).isTrue();
        TaskAliases.Put moved = this.aliases.put(AliasRouting.of("hello", "live", 3, 2, 0.1));
        assertThat(moved.created()).isFalse();
        assertThat(this.aliases.find("hello", "live")).get()
            .satisfies((alias) -> assertThat(alias.version()).isEqualTo(3))
            .satisfies((alias) -> assertThat(alias.additionalVersion()).isEqualTo(2));
        assertThat(this.aliases.list("hello")).extracting(AliasRouting::alias).containsExactly("live");
    }

    @Test
    void refusesAVersionTheTaskDoesNotHave() {
        deploy(1);
        assertThatExceptionOfType(InvalidAliasException.class)
            .isThrownBy(() -> this.aliases.put(AliasRouting.of("hello", "live", 2, null, null)))
            .satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("no version 2"));
    }

    @Test
    void refusesANameOfDigitsACanaryWithoutWeightAndAWeightOverOne() {
        deploy(2);
        assertThatExceptionOfType(InvalidAliasException.class)
            .isThrownBy(() -> this.aliases.put(AliasRouting.of("hello", "12", 1, null, null)));
        assertThatExceptionOfType(InvalidAliasException.class)
            .isThrownBy(() -> this.aliases.put(AliasRouting.of("hello", "live", 1, 2, null)));
        assertThatExceptionOfType(InvalidAliasException.class)
            .isThrownBy(() -> this.aliases.put(AliasRouting.of("hello", "live", 1, 2, 1.5)));
        assertThatExceptionOfType(InvalidAliasException.class)
            .isThrownBy(() -> this.aliases.put(AliasRouting.of("hello", "live", 1, 1, 0.5)));
    }

    @Test
    void rollbackMovesTheMostRecentlyChangedAliasBackOneVersionAndDropsItsCanary() {
        deploy(3);
        this.aliases.put(AliasRouting.of("hello", "beta", 3, null, null));
        this.aliases.put(AliasRouting.of("hello", "live", 3, 2, 0.5));
        AliasRouting rolled = this.aliases.rollback("hello", null);
        assertThat(rolled.alias()).isEqualTo("live");
        assertThat(rolled.version()).isEqualTo(2);
        assertThat(rolled.additionalVersion()).isNull();
        assertThat(this.aliases.find("hello", "beta")).get().extracting(AliasRouting::version).isEqualTo(3);
    }

    @Test
    void rollbackOfANamedAliasMovesThatOne() {
        deploy(3);
        this.aliases.put(AliasRouting.of("hello", "beta", 3, null, null));
        this.aliases.put(AliasRouting.of("hello", "live", 3, null, null));
        assertThat(this.aliases.rollback("hello", "beta").version()).isEqualTo(2);
    }

    @Test
    void rollbackWithoutAnAliasOrPastVersionOneIsRefused() {
        deploy(1);
        assertThatExceptionOfType(RollbackImpossibleException.class)
            .isThrownBy(() -> this.aliases.rollback("hello", null));
        this.aliases.put(AliasRouting.of("hello", "live", 1, null, null));
        assertThatExceptionOfType(RollbackImpossibleException.class)
            .isThrownBy(() -> this.aliases.rollback("hello", null));
    }

    @Test
    void anAliasCannotNameOrRollBackToAVersionRetentionPruned() {
        deploy(3);
        this.aliases.put(AliasRouting.of("hello", "live", 3, null, null));
        this.versions.delete(this.versions.findByNameAndVersion("hello", 2).orElseThrow());

        assertThatExceptionOfType(RollbackImpossibleException.class)
            .isThrownBy(() -> this.aliases.rollback("hello", "live"))
            .satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("version 2", "pruned"));
        assertThat(this.aliases.find("hello", "live")).get().extracting(AliasRouting::version).isEqualTo(3);
        assertThatExceptionOfType(InvalidAliasException.class)
            .isThrownBy(() -> this.aliases.put(AliasRouting.of("hello", "live", 2, null, null)))
            .satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("no version 2", "pruned"));
    }

    @Test
    void resolvesLatestVersionsAndAliases() {
        deploy(2);
        this.aliases.put(AliasRouting.of("hello", "live", 1, null, null));
        assertThat(this.aliases.resolve("hello", null)).isEqualTo(new TaskAliases.Target(null, null));
        assertThat(this.aliases.resolve("hello", "$LATEST")).isEqualTo(new TaskAliases.Target(null, null));
        assertThat(this.aliases.resolve("hello", "2")).isEqualTo(new TaskAliases.Target(2, null));
        assertThat(this.aliases.resolve("hello", "live")).isEqualTo(new TaskAliases.Target(1, "live"));
        assertThatExceptionOfType(AliasNotFoundException.class)
            .isThrownBy(() -> this.aliases.resolve("hello", "beta"));
    }

    @Test
    void deletingTheTaskDeletesItsAliases() {
        deploy(1);
        this.aliases.put(AliasRouting.of("hello", "live", 1, null, null));
        this.registry.delete("hello");
        deploy(1);
        assertThat(this.aliases.find("hello", "live")).isEmpty();
    }

    private void deploy(int versions) {
        for (int memory = 1; memory <= versions; memory++) {
            this.registry.record(new TaskSettings("hello", TaskRuntime.PYTHON_3_11, "app.handler", 128 + memory, 5,
                    Map.of()), SecretEnvironment.NONE, "a".repeat(64), 10);
        }
    }

    @TestConfiguration
    static class Clocks {

        private final Instant start = Instant.parse("2026-12-01T00:00:00Z");

        private int ticks;

        /** Each read a second later, so that "most recently changed" is well defined. */
        @Bean
        Clock clock() {
            return new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public synchronized Instant instant() {
                    return Clocks.this.start.plusSeconds(Clocks.this.ticks++);
                }
            };
        }
    }
}
