package io.edgecoord.execution.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.edgecoord.execution.BackendStatus;

class CachedStatusTests {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicInteger probes = new AtomicInteger();

    private boolean up = true;

    private Duration probeTakes = Duration.ZERO;

    /** Background refreshes asked for and not run yet. */
    private final java.util.List<Runnable> refreshes = new java.util.ArrayList<>();

    private final CachedStatus status = new CachedStatus(
            () -> {
                now = now.plus(probeTakes);
                return new BackendStatus("docker", up, "probe " + probes.incrementAndGet());
            }, new Clock() {
                @Override
                public Instant instant() {
                    return now;
                }

                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            }, Duration.ofSeconds(2), refreshes::add);

    @Test
    void asksTheEngineOnceWithinTheTimeToLive() {
        status.get();
        now = now.plusMillis(1999);

        assertThat(status.get().detail()).isEqualTo("probe 1");
        assertThat(probes).hasValue(1);
    }

    @Test
    void anUpStatusPastItsTimeIsAnsweredAtOnceAndAskedAgainInTheBackgroundOnce() {
        status.get();
        now = now.plusSeconds(2);

        assertThat(status.get().detail()).as("answered without waiting for the engine").isEqualTo("probe 1");
        assertThat(status.get().detail()).isEqualTo("probe 1");
        assertThat(refreshes).as("one refresh for the crowd").hasSize(1);
        assertThat(probes).hasValue(1);

        refreshes.removeFirst().run();
        assertThat(status.get().detail()).isEqualTo("probe 2");
        now = now.plusSeconds(2);
        status.get();
        assertThat(refreshes).as("the next refresh once the last has ended").hasSize(1);
    }

    @Test
    void anEngineFoundDownByARefreshIsAskedByTheNextCallers() {
        status.get();
        now = now.plusSeconds(2);
        status.get();
        up = false;
        refreshes.removeFirst().run();
        assertThat(status.get().available()).isFalse();

        up = true;
        now = now.plusMillis(500);
        assertThat(status.get().detail()).as("asked and answered in the call").isEqualTo("probe 3");
        assertThat(refreshes).isEmpty();
    }

    @Test
    void anEngineThatIsDownIsAskedAgainAfterHalfASecond() {
        up = false;
        status.get();
        now = now.plusMillis(499);
        assertThat(status.get().detail()).isEqualTo("probe 1");

        now = now.plusMillis(1);
        assertThat(status.get().detail()).isEqualTo("probe 2");
    }

    @Test
    void aSlowAnswerIsKeptForTheWholeTimeToLiveFromWhenItCame() {
        probeTakes = Duration.ofSeconds(3);
        status.get();
        probeTakes = Duration.ZERO;
        now = now.plusMillis(1999);

        assertThat(status.get().detail()).isEqualTo("probe 1");
    }
}
