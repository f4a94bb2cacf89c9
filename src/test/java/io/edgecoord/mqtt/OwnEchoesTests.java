package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OwnEchoesTests {

    private static final byte[] RED = "red".getBytes(StandardCharsets.UTF_8);

    @Test
    void takesTheFirstEqualMessageAsTheEchoAndTheNextAsAnotherClients() {
        OwnEchoes echoes = new OwnEchoes(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ofSeconds(30));
        echoes.expect("lamp/color", RED);

        assertThat(echoes.isEcho("lamp/color", RED)).isTrue();
        assertThat(echoes.isEcho("lamp/color", RED)).isFalse();
    }

    @Test
    void anotherTopicOrPayloadIsNoEcho() {
        OwnEchoes echoes = new OwnEchoes(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ofSeconds(30));
        echoes.expect("lamp/color", RED);

        assertThat(echoes.isEcho("lamp/state", RED)).isFalse();
        assertThat(echoes.isEcho("lamp/color", "blue".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void anEchoThatNeverCameIsForgottenAfterTheWindow() {
        Instant[] now = { Instant.EPOCH };
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        OwnEchoes echoes = new OwnEchoes(clock, Duration.ofSeconds(30));
        echoes.expect("lamp/color", RED);
        now[0] = now[0].plusSeconds(31);

        assertThat(echoes.isEcho("lamp/color", RED)).isFalse();
    }
}
