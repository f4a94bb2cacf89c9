package io.edgecoord.execution;

import java.time.Duration;
import java.time.Instant;

/**
 * One environment as {@code GET /api/v1/environments} shows it, taken under the pool's lock.
 *
 * @param id the coordinator's id for the environment
 * @param task the task it runs
 * @param version the task version it runs
 * @param runtime the runtime identifier
 * @param state {@code STARTING}, {@code IDLE}, {@code BUSY} or {@code DRAINING}
 * @param createdAt when it was created
 * @param ageMs how long it has lived
 * @param lastUsedAt when it last took an invocation (its creation until then)
 * @param memoryMb the memory it reserves
 * @param backendId the backend's id for it (a container id, or a process id without isolation);
 *     null while it starts
 * @param prewarmed started ahead of calls and has run none yet
 * @param pinned its task's one long-lived environment
 * @param isolation what it really runs with: {@code CONTAINER}, or {@code NONE} for a plain process (a task
 *     deployed with isolation {@code none}, or any task where the operator chose the process backend)
 */
record EnvironmentSnapshot(String id, String task, int version, String runtime, String state, Instant createdAt,
        long ageMs, Instant lastUsedAt, int memoryMb, String backendId, boolean prewarmed, boolean pinned,
        String isolation) {

    static EnvironmentSnapshot of(Environment env, Instant now) {
        EnvironmentSpec spec = env.spec();
        EnvironmentHandle handle = env.handle();
        return new EnvironmentSnapshot(env.id(), spec.taskName(), spec.taskVersion(), spec.runtime(),
                env.life().name(), env.createdAt(), Math.max(0, Duration.between(env.createdAt(), now).toMillis()),
                env.life().lastUsed(), spec.memoryMb(), handle == null ? null : handle.backendId(),
                env.life().prewarmed(),
                spec.policy().pinned(), env.isolation().name());
    }
}

