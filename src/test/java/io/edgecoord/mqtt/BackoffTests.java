package io.edgecoord.mqtt;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

    @Test
    void waitsTheFirstWaitAfterOneFailureAndDoublesAfterEachMoreUpToTheCeiling() {
        Duration first = Duration.ofSeconds(1);
        Duration ceiling = Duration.ofSeconds(60);
        assertThat(Backoff.after(1, first, ceiling)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.after(2, first, ceiling)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.after(4, first, ceiling)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Backoff.after(7, first, ceiling)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.after(1_000, first, ceiling)).isEqualTo(Duration.ofSeconds(60));
    }
}
