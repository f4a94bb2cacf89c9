package io.edgecoord.security;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A key as the API shows it. The secret is in the answer to its creation only ({@code secret} and
 * {@code token}); afterwards it can be had from nowhere.
 *
 * @param id the key id; also the AWS access key id for SigV4
 * @param name what it is for
 * @param scopes what it may do
 * @param tasks the task-name patterns it is limited to; empty means every task
 * @param topics the MQTT topic filters it may publish and subscribe to
 * @param requestsPerSecond its own rate limit, or {@code null} for the default
 * @param createdAt when it was made
 * @param lastUsedAt when it last proved a request, or {@code null}
 * @param revokedAt when it was revoked, or {@code null}
 * @param secret the secret (the AWS secret access key), at creation only
 * @param token {@code <id>.<secret>}, for {@code Authorization: Bearer}, at creation only
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record KeyResponse(String id, String name, List<String> scopes, List<String> tasks, KeyTopics topics,
        Integer requestsPerSecond,
        Instant createdAt, Instant lastUsedAt, Instant revokedAt, String secret, String token) {

    static KeyResponse of(ApiKey key, Instant lastUse) {
        Instant used = key.lastUsedAt();
        if (lastUse != null && (used == null || lastUse.isAfter(used))) {
            used = lastUse;
        }
        return new KeyResponse(key.getId(), key.name(), key.scopes().stream().map(Scope::id).sorted().toList(),
                key.taskPatterns(), key.topics(), key.requestsPerSecond(), key.createdAt(), used, key.revokedAt(), null, null);
    }

    static KeyResponse created(ApiKeys.CreatedKey created) {
        KeyResponse shown = of(created.key(), null);
        return new KeyResponse(shown.id(), shown.name(), shown.scopes(), shown.tasks(), shown.topics(), shown.requestsPerSecond(),
                shown.createdAt(), null, null, created.token().secret(), created.token().text());
    }
}
