package io.edgecoord.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.edgecoord.persistence.AssignedIdEntity;

/** One API key as stored: its id, the hash and sealed copy of its secret, what it may do. */
@Entity
@Table(name = "api_key")
class ApiKey extends AssignedIdEntity {

    @Id
    private String id;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "secret_sealed", nullable = false, length = 256)
    private String secretSealed;

    @Column(nullable = false, length = 64)
    private String scopes;

    @Column(name = "task_patterns", nullable = false, length = 2048)
    private String taskPatterns;

    @Column(name = "publish_topics", nullable = false, length = 4096)
    private String publishTopics = "";

    @Column(name = "subscribe_topics", nullable = false, length = 4096)
    private String subscribeTopics = "";

    @Column(name = "requests_per_second")
    private Integer requestsPerSecond;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(String id, String name, String secretHash, String secretSealed, Set<Scope> scopes,
            List<String> taskPatterns, KeyTopics topics, Integer requestsPerSecond, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.secretHash = secretHash;
        this.secretSealed = secretSealed;
        this.scopes = scopes.stream().map(Scope::id).sorted().collect(Collectors.joining(","));
        this.taskPatterns = String.join("\n", taskPatterns);
        this.publishTopics = String.join("\n", topics.publish());
        this.subscribeTopics = String.join("\n", topics.subscribe());
        this.requestsPerSecond = requestsPerSecond;
        this.createdAt = createdAt;
    }

    @Override
    public String getId() {
        return id;
    }

    String name() {
        return name;
    }

    String secretHash() {
        return secretHash;
    }

    String secretSealed() {
        return secretSealed;
    }

    Set<Scope> scopes() {
        Set<Scope> set = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopes.split(",")).map(Scope::of).filter(s -> s != null).forEach(set::add);
        return set;
    }

    List<String> taskPatterns() {
        return taskPatterns.isEmpty() ? List.of() : List.of(taskPatterns.split("\n"));
    }

    KeyTopics topics() {
        return KeyTopics.of(publishTopics, subscribeTopics);
    }

    Integer requestsPerSecond() {
        return requestsPerSecond;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    boolean revoked() {
        return revokedAt != null;
    }

    /** Sets the task-name patterns and topics the key may reach (a bundle limited it). */
    void limit(List<String> tasks, KeyTopics topics) {
        this.taskPatterns = String.join("\n", tasks);
        this.publishTopics = String.join("\n", topics.publish());
        this.subscribeTopics = String.join("\n", topics.subscribe());
    }

    /** Revokes the key; it is refused from now on. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Gives the key a new secret (an operator rotated a seeded admin key). */
    void replaceSecret(String hash, String sealed) {
        this.secretHash = hash;
        this.secretSealed = sealed;
    }

    void usedAt(Instant when) {
        if (lastUsedAt == null || when.isAfter(lastUsedAt)) {
            lastUsedAt = when;
        }
    }
}
