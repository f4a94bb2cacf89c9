package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time passwords the TLS front hands the broker in place of a key's secret, once a client
 * certificate proved the key: 256 random bits each, good for one login of that key id only, within
 * {@code lifetime}. They cross loopback only, from the front to the plain listener. Thread-safe.
 */
class Tickets {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    private record Issued(String keyId, Instant expires) {
    }

    Tickets(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A new ticket for one login of key {@code keyId}; forgets the expired ones first, so they stay few. */
    String issue(String keyId) {
        Instant now = clock.instant();
        issued.values().removeIf(ticket -> !ticket.expires().isAfter(now));
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        String ticket = ENCODER.encodeToString(bits);
        issued.put(ticket, new Issued(keyId, now.plus(lifetime)));
        return ticket;
    }

    /** Whether {@code password} is a ticket issued for {@code keyId} and still good; it is used up either way. */
    boolean redeem(String keyId, byte[] password) {
        if (keyId == null || password == null) {
            return false;
        }
        Issued ticket = issued.remove(new String(password, StandardCharsets.UTF_8));
        return ticket != null && ticket.keyId().equals(keyId) && ticket.expires().isAfter(clock.instant());
    }

    /** Tickets issued and not redeemed (nor yet forgotten). */
    int outstanding() {
        return issued.size();
    }
}
