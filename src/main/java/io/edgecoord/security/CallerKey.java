package io.edgecoord.security;

import java.util.List;
import java.util.Set;

/**
 * The key a request was made with, as checks see it.
 *
 * @param id the key id (the AWS access key id, for SigV4)
 * @param name what the key is for, as its creator named it
 * @param scopes what it may do; {@link Scope#ADMIN} implies every scope
 * @param taskPatterns the task names it may touch ({@code *} matches any run of characters); empty
 *     means every task
 * @param requestsPerSecond its own rate limit, or {@code null} for the coordinator's default
 * @param topics the MQTT topic filters it may publish and subscribe to (admin: every topic)
 */
public record CallerKey(String id, String name, Set<Scope> scopes, List<String> taskPatterns,
        Integer requestsPerSecond, KeyTopics topics) {

    public CallerKey {
        scopes = Set.copyOf(scopes);
        taskPatterns = List.copyOf(taskPatterns);
        topics = (topics != null) ? topics : KeyTopics.NONE;
    }

    /** A key with no MQTT topics. */
    public CallerKey(String id, String name, Set<Scope> scopes, List<String> taskPatterns, Integer requestsPerSecond) {
        this(id, name, scopes, taskPatterns, requestsPerSecond, KeyTopics.NONE);
    }

    /** Whether the key has {@code scope}, itself or through admin. */
    public boolean has(Scope scope) {
        return scopes.contains(Scope.ADMIN) || scopes.contains(scope);
    }

    /** Whether the key may touch the task named {@code task}. */
    public boolean mayUseTask(String task) {
        return taskPatterns.isEmpty() || taskPatterns.stream().anyMatch(p -> Globs.matches(p, task));
    }
}
