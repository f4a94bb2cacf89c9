package io.edgecoord.task;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SecretVariablesTests {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static final SecretEnvironment SECRETS = new SecretEnvironment(Map.of("DB_PASSWORD", "hunter2",
            "API_TOKEN", "t0ken"));

    private final SecretVariables secrets = new SecretVariables(TestSecrets.randomCipher());

    @Test
    void sealsEachValueSoThatNoneIsKeptInPlainText() {
        Map<String, String> sealed = this.secrets.seal(SECRETS);
        assertThat(sealed).containsOnlyKeys("DB_PASSWORD", "API_TOKEN");
        assertThat(sealed.values()).allSatisfy((value) -> assertThat(value).startsWith("v1:")
            .doesNotContain("hunter2").doesNotContain("t0ken"));
        assertThat(this.secrets.open(version(sealed))).isEqualTo(SECRETS);
    }

    @Test
    void sealingTwiceGivesOtherTextButTheSameValues() {
        TaskVersion first = version(this.secrets.seal(SECRETS));
        Map<String, String> again = this.secrets.seal(SECRETS);
        assertThat(again).isNotEqualTo(first.sealedSecrets());
        assertThat(this.secrets.sameAs(first, SECRETS)).isTrue();
    }

    @Test
    void aChangedAddedOrRemovedValueIsNotTheSame() {
        TaskVersion stored = version(this.secrets.seal(SECRETS));
        assertThat(this.secrets.sameAs(stored, new SecretEnvironment(Map.of("DB_PASSWORD", "hunter3",
                "API_TOKEN", "t0ken")))).isFalse();
        assertThat(this.secrets.sameAs(stored, new SecretEnvironment(Map.of("DB_PASSWORD", "hunter2")))).isFalse();
        assertThat(this.secrets.sameAs(stored, SecretEnvironment.NONE)).isFalse();
        assertThat(this.secrets.sameAs(version(Map.of()), SecretEnvironment.NONE)).isTrue();
    }

    @Test
    void valuesSealedUnderAnotherKeyCannotBeOpenedAndAreNeverTheSame() {
        TaskVersion foreign = version(new SecretVariables(TestSecrets.randomCipher()).seal(SECRETS));
        assertThat(this.secrets.sameAs(foreign, SECRETS)).isFalse();
        assertThatExceptionOfType(SecretsUnreadableException.class).isThrownBy(() -> this.secrets.open(foreign))
            .satisfies((ex) -> {
                assertThat(ex.getStatusCode().value()).isEqualTo(500);
                assertThat(ex.getBody().getType()).isEqualTo(SecretsUnreadableException.TYPE);
                assertThat(ex.getBody().getDetail()).contains("task hello version 1", "secret.key")
                    .doesNotContain("hunter2");
            });
    }

    private static TaskVersion version(Map<String, String> sealed) {
        TaskSettings settings = new TaskSettings("hello", TaskRuntime.PROVIDED, null, 128, 30, Map.of());
        return new Task("hello", NOW).release(settings, sealed, "a".repeat(64), 10, NOW);
    }
}
