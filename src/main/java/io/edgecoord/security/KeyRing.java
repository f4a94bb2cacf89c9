package io.edgecoord.security;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usable keys, in memory, so that checking a key reads no database. Every key is in the map,
 * so an unknown id and a wrong secret cost the same: one SHA-256 and one constant-time compare
 * (against a dummy hash for an unknown id). {@link #reload} reads the table again; the owner calls
 * it every {@code key-cache-ttl}, and changes made here take effect at once. Thread-safe.
 */
class KeyRing {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final byte[] NO_KEY = KeyToken.sha256("no key has this secret");

    private final ApiKeyRepository repository;
    private final SecretCipher cipher;
    private final Clock clock;
    private volatile Map<String, Entry> keys = Map.of();
    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    /** Keys revoked here: a reload that read the table before the revocation committed must not bring them back. */
    private final java.util.Set<String> revokedHere = ConcurrentHashMap.newKeySet();

    KeyRing(ApiKeyRepository repository, SecretCipher cipher, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The key {@code token} names, if its secret is right and it is not revoked. */
    Optional<CallerKey> verify(KeyToken token) {
        Entry entry = keys.get(token.id());
        byte[] expected = (entry != null) ? entry.hash() : NO_KEY;
        boolean right = MessageDigest.isEqual(expected, KeyToken.sha256(token.secret()));
        if (!right || entry == null) {
            return Optional.empty();
        }
        return Optional.of(entry.key());
    }

    /** The key with {@code id} and its secret, for SigV4, if it is usable. */
    Optional<String> signingSecret(String id) {
        Entry entry = keys.get(id);
        return (entry != null) ? Optional.of(entry.secret()) : Optional.empty();
    }

    /** The usable key {@code id}, whatever proved it. */
    Optional<CallerKey> key(String id) {
        Entry entry = keys.get(id);
        return (entry != null) ? Optional.of(entry.key()) : Optional.empty();
    }

    /** Notes that {@code key} was used now; written to the database by {@link #flushUse}. */
    void used(CallerKey key) {
        used.put(key.id(), clock.instant());
    }

    /** When {@code id} was last used, counting uses not yet written. */
    Optional<Instant> lastUse(String id) {
        return Optional.ofNullable(used.get(id));
    }

    /** Reads every key again; a failure keeps the keys known so far (and is logged). */
    void reload() {
        List<ApiKey> stored;
        try {
            stored = repository.findAllByOrderByCreatedAtAsc();
        }
        catch (RuntimeException ex) {
            log.warn("Could not read the API keys again; the ones known so far stay in force: {}", ex.toString());
            return;
        }
        Map<String, Entry> previous = keys;
        Map<String, Entry> next = new HashMap<>();
        for (ApiKey key : stored) {
            if (key.revoked() || revokedHere.contains(key.getId())) {
                continue;
            }
            Entry known = previous.get(key.getId());
            if (known != null && known.sealed().equals(key.secretSealed())) {
                next.put(key.getId(), new Entry(keyOf(key), known.hash(), known.secret(), known.sealed()));
                continue;
            }
            try {
                next.put(key.getId(), new Entry(keyOf(key), HexFormat.of().parseHex(key.secretHash()),
                        cipher.open(key.secretSealed()), key.secretSealed()));
            }
            catch (SecretCipher.SecretUnreadableException ex) {
                log.error("API key {} ({}) cannot be used: {}", key.getId(), key.name(), ex.getMessage());
            }
        }
        keys = Map.copyOf(next);
    }

    /** Takes a revocation into account at once. */
    synchronized void forget(String id) {
        revokedHere.add(id);
        Map<String, Entry> next = new HashMap<>(keys);
        next.remove(id);
        keys = Map.copyOf(next);
    }

    /** Writes the uses noted since the last flush. */
    void flushUse() {
        for (Map.Entry<String, Instant> use : Map.copyOf(used).entrySet()) {
            try {
                repository.markUsed(use.getKey(), use.getValue());
                used.remove(use.getKey(), use.getValue());
            }
            catch (RuntimeException ex) {
                log.debug("Could not record the last use of key {}: {}", use.getKey(), ex.toString());
                return;
            }
        }
    }

    static CallerKey keyOf(ApiKey key) {
        return new CallerKey(key.getId(), key.name(), key.scopes(), key.taskPatterns(), key.requestsPerSecond(),
                key.topics());
    }

    private record Entry(CallerKey key, byte[] hash, String secret, String sealed) {
    }
}
