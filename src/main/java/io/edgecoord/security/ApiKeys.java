package io.edgecoord.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists and revokes API keys; the keys in force are the {@link KeyRing}'s. */
@Service
class ApiKeys {

    private final ApiKeyRepository repository;
    private final KeyRing ring;
    private final SecretCipher cipher;
    private final Clock clock;

    ApiKeys(ApiKeyRepository repository, KeyRing ring, SecretCipher cipher, Clock clock) {
        this.repository = repository;
        this.ring = ring;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A new key with a generated secret; the secret is in the answer and nowhere else. */
    @Transactional
    CreatedKey create(String name, Set<Scope> scopes, List<String> taskPatterns, KeyTopics topics,
            Integer requestsPerSecond) {
        return create(KeyToken.generate(), name, scopes, taskPatterns, topics, requestsPerSecond);
    }

    @Transactional
    CreatedKey create(KeyToken token, String name, Set<Scope> scopes, List<String> taskPatterns, KeyTopics topics,
            Integer requestsPerSecond) {
        ApiKey key = repository.save(new ApiKey(token.id(), name, KeyToken.hash(token.secret()),
                cipher.seal(token.secret()), scopes, taskPatterns, topics, requestsPerSecond, clock.instant()));
        afterCommit(ring::reload);
        return new CreatedKey(key, token);
    }

    /** Every key, oldest first, revoked ones included. */
    @Transactional(readOnly = true)
    List<ApiKey> list() {
        return repository.findAllByOrderByCreatedAtAsc();
    }

    @Transactional(readOnly = true)
    Optional<ApiKey> find(String id) {
        return repository.findById(id);
    }

    /** Revokes a key: refused from the next request on, here at once. The last admin key cannot go. */
    @Transactional
    ApiKey revoke(String id) {
        ApiKey key = repository.findById(id).orElseThrow(() -> new KeyNotFoundException(id));
        if (!key.revoked() && key.scopes().contains(Scope.ADMIN) && usableAdmins() <= 1) {
            throw new LastAdminKeyException(id);
        }
        key.revoke(clock.instant());
        ring.forget(id);
        return key;
    }

    /** Whether a usable admin key exists. */
    @Transactional(readOnly = true)
    boolean hasAdmin() {
        return usableAdmins() > 0;
    }

    /** Makes sure the key {@code token} exists as an admin key with that secret. */
    @Transactional
    boolean ensureAdmin(KeyToken token, String name) {
        Optional<ApiKey> existing = repository.findById(token.id());
        if (existing.isEmpty()) {
            create(token, name, Set.of(Scope.ADMIN), List.of(), KeyTopics.NONE, null);
            return true;
        }
        ApiKey key = existing.get();
        if (key.revoked() || !key.scopes().contains(Scope.ADMIN)) {
            throw new IllegalStateException("The admin key " + token.id() + " given in edgecoord.security.admin-key "
                    + "exists, but is revoked or not an admin key: give a new id");
        }
        if (!KeyToken.hash(token.secret()).equals(key.secretHash())) {
            key.replaceSecret(KeyToken.hash(token.secret()), cipher.seal(token.secret()));
            afterCommit(ring::reload);
            return true;
        }
        return false;
    }

    private long usableAdmins() {
        return repository.findAll().stream().filter(k -> !k.revoked() && k.scopes().contains(Scope.ADMIN)).count();
    }

    private static void afterCommit(Runnable action) {
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        action.run();
                    }
                });
    }

    /** A key just made, with its token (shown once). */
    record CreatedKey(ApiKey key, KeyToken token) {
    }
}
