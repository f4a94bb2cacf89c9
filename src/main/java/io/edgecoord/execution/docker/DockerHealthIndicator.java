package io.edgecoord.execution.docker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.function.BooleanSupplier;

import io.edgecoord.execution.BackendStatus;
import io.edgecoord.execution.ExecutionBackend;

/**
 * Health contributor {@code docker}: UP with the engine's version, or DOWN with why it is not there;
 * UNKNOWN, which does not pull the coordinator's health down, when another backend was chosen.
 */
class DockerHealthIndicator implements HealthIndicator {

    private final ExecutionBackend backend;
    private final BooleanSupplier inUse;

    DockerHealthIndicator(ExecutionBackend backend) {
        this(backend, () -> true);
    }

    DockerHealthIndicator(ExecutionBackend backend, BooleanSupplier inUse) {
        this.backend = backend;
        this.inUse = inUse;
    }

    @Override
    public Health health() {
        if (!inUse.getAsBoolean()) {
            return Health.unknown().withDetail("backend", "docker")
                    .withDetail("detail", "not in use: tasks run as plain processes (no isolation)").build();
        }
        BackendStatus status = backend.status();
        Health.Builder health = status.available() ? Health.up() : Health.down();
        return health.withDetail("backend", status.backend()).withDetail("detail", status.detail()).build();
    }
}
