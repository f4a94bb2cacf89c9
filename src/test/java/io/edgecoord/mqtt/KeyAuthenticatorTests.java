package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.edgecoord.security.CallerKey;
import io.edgecoord.security.KeyVerifier;
import io.edgecoord.security.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class KeyAuthenticatorTests {

    private static final CallerKey KEY = new CallerKey("EKGOOD", "sensor", Set.of(Scope.READ), List.of(), null);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BrokerMetrics metrics = new BrokerMetrics(registry);
    private final KeyVerifier keys = mock(KeyVerifier.class);
    private final AtomicInteger connected = new AtomicInteger();
    private final Tickets tickets = new Tickets(Clock.systemUTC(), Duration.ofSeconds(10));

    @Test
    void aGoodKeyConnectsWhileThereIsRoomAndIsRefusedAtTheBound() {
        when(keys.verify("EKGOOD", "right")).thenReturn(Optional.of(KEY));
        KeyAuthenticator authenticator = new KeyAuthenticator(keys, connected::get, 2, metrics, tickets);

        connected.set(1);
        assertThat(authenticator.checkValid("c1", "EKGOOD", bytes("right"))).isTrue();
        connected.set(2);
        assertThat(authenticator.checkValid("c2", "EKGOOD", bytes("right"))).isFalse();
        assertThat(registry.get("edgecoord.mqtt.refused").tag("reason", "connections").counter().count()).isEqualTo(1);
    }

    @Test
    void aWrongSecretOrNoPasswordIsRefusedAndCounted() {
        when(keys.verify(any(), any())).thenReturn(Optional.empty());
        KeyAuthenticator authenticator = new KeyAuthenticator(keys, connected::get, 10, metrics, tickets);

        assertThat(authenticator.checkValid("c1", "EKGOOD", bytes("wrong"))).isFalse();
        assertThat(authenticator.checkValid("c2", "EKGOOD", null)).isFalse();
        assertThat(registry.get("edgecoord.mqtt.refused").tag("reason", "authentication").counter().count()).isEqualTo(2);
    }

    @Test
    void aTicketLogsItsKeyInOnceWhileTheKeyIsInForce() {
        when(keys.proven("EKGOOD")).thenReturn(Optional.of(KEY));
        KeyAuthenticator authenticator = new KeyAuthenticator(keys, connected::get, 10, metrics, tickets);
        String ticket = tickets.issue("EKGOOD");
        String revoked = tickets.issue("EKGONE");

        assertThat(authenticator.checkValid("c1", "EKGOOD", bytes(ticket))).isTrue();
        assertThat(authenticator.checkValid("c2", "EKGOOD", bytes(ticket))).isFalse();
        assertThat(authenticator.checkValid("c3", "EKGONE", bytes(revoked))).isFalse();
        assertThat(registry.get("edgecoord.mqtt.refused").tag("reason", "authentication").counter().count()).isEqualTo(2);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
