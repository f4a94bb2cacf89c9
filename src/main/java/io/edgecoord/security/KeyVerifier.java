package io.edgecoord.security;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Checks a key given as an id and a secret apart, as protocols other than HTTP carry it (MQTT's
 * user name and password), against the same keys in force as the HTTP API. Thread-safe.
 */
@Component
public class KeyVerifier {

    private final KeyRing ring;

    KeyVerifier(KeyRing ring) {
        this.ring = ring;
    }

    /** The key {@code id} if {@code secret} is its secret and it is not revoked; notes its use. */
    public Optional<CallerKey> verify(String id, String secret) {
        if (id == null || secret == null) {
            return Optional.empty();
        }
        Optional<CallerKey> key = ring.verify(new KeyToken(id, secret));
        key.ifPresent(ring::used);
        return key;
    }

    /**
     * The key {@code id} as it is in force now, when something other than its secret proved that the
     * caller holds it (a client certificate the MQTT broker's TLS listener checked); notes its use.
     */
    public Optional<CallerKey> proven(String id) {
        Optional<CallerKey> key = current(id);
        key.ifPresent(ring::used);
        return key;
    }

    /** The key {@code id} as it is in force now (empty once revoked), for checks on an open connection. */
    public Optional<CallerKey> current(String id) {
        return (id == null) ? Optional.empty() : ring.key(id);
    }
}
