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

    private final CachedStatus status = new CachedStatus(
            () -> new BackendStatus("docker", true, "probe " + probes.incrementAndGet()), new Clock() {
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
            }, Duration.ofSeconds(2));

    @Test
    void asksTheEngineOnceWithinTheTimeToLive() {
        status.get();
        now = now.plusMillis(1999);

        assertThat(status.get().detail()).isEqualTo("probe 1");
        assertThat(probes).hasValue(1);
    }

    @Test
    void asksAgainOnceTheTimeToLiveHasPassed() {
        status.get();
        now = now.plusSeconds(2);

        assertThat(status.get().detail()).isEqualTo("probe 2");
    }
}
