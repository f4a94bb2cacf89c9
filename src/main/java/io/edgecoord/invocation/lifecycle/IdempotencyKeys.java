package io.edgecoord.invocation.lifecycle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.edgecoord.invocation.IdempotencyKeyReusedException;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationStore;

/**
 * Finds the call a client's {@code Idempotency-Key} already names. A key names its first call for
 * {@code idempotencyWindow} from its acceptance; after that the key is freed for a new call. The
 * database's unique key on (task, key) settles two calls that race with the same key.
 */
@Component
class IdempotencyKeys {

    private final InvocationStore store;
    private final Duration window;
    private final Clock clock;

    IdempotencyKeys(InvocationStore store, InvocationProperties properties, Clock clock) {
        this.store = store;
        this.window = properties.idempotencyWindow();
        this.clock = clock;
    }

    /**
     * The first call with this key, when it is still within its window.
     *
     * @throws IdempotencyKeyReusedException when that call came with a different payload
     */
    Optional<Invocation> firstCall(String task, String key, String payloadSha256) {
        Optional<Invocation> first = store.findByIdempotencyKey(task, key);
        if (first.isEmpty()) {
            return first;
        }
        Invocation found = first.get();
        if (!withinWindow(found.acceptedAt(), clock.instant(), window)) {
            store.update(found.id(), Invocation::releaseIdempotencyKey);
            return Optional.empty();
        }
        if (!payloadSha256.equals(found.payloadSha256())) {
            throw new IdempotencyKeyReusedException(task, key, found.id());
        }
        return first;
    }

    static boolean withinWindow(Instant firstAcceptedAt, Instant now, Duration window) {
        return Duration.between(firstAcceptedAt, now).compareTo(window) < 0;
    }

    static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java platform has SHA-256", ex);
        }
    }
}
