package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class TicketsTests {

    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    private final Clock clock = mock(Clock.class);
    private final Tickets tickets = new Tickets(clock, Duration.ofSeconds(10));

    @Test
    void aTicketLogsItsKeyInOnceAndNoOtherKeyEver() {
        when(clock.instant()).thenReturn(T0);
        String ticket = tickets.issue("EKA");
        String other = tickets.issue("EKA");

        assertThat(ticket).hasSize(43).isNotEqualTo(other);
        assertThat(tickets.redeem("EKB", bytes(other))).isFalse();
        assertThat(tickets.redeem("EKA", bytes(other))).as("used up by the wrong key's attempt").isFalse();
        assertThat(tickets.redeem("EKA", bytes(ticket))).isTrue();
        assertThat(tickets.redeem("EKA", bytes(ticket))).isFalse();
        assertThat(tickets.redeem("EKA", null)).isFalse();
        assertThat(tickets.redeem(null, bytes(ticket))).isFalse();
    }

    @Test
    void anExpiredTicketIsRefusedAndForgottenAtTheNextIssue() {
        when(clock.instant()).thenReturn(T0);
        String late = tickets.issue("EKA");
        tickets.issue("EKA");
        when(clock.instant()).thenReturn(T0.plusSeconds(10));

        assertThat(tickets.redeem("EKA", bytes(late))).isFalse();
        tickets.issue("EKB");
        assertThat(tickets.outstanding()).isEqualTo(1);
    }

    @Test
    void aKeysSecretIsNoTicket() {
        when(clock.instant()).thenReturn(T0);
        tickets.issue("EKA");

        assertThat(tickets.redeem("EKA", bytes("the-secret-of-the-key-0123456789abcdefghi"))).isFalse();
        assertThat(tickets.outstanding()).isEqualTo(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
