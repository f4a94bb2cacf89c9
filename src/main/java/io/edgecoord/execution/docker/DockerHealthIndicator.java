package io.edgecoord.execution.docker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.edgecoord.execution.BackendStatus;
import io.edgecoord.execution.ExecutionBackend;

/** Health contributor {@code docker}: UP with the engine's version, or DOWN with why it is not there. */
class DockerHealthIndicator implements HealthIndicator {

    private final ExecutionBackend backend;

    DockerHealthIndicator(ExecutionBackend backend) {
        this.backend = backend;
    }

    @Override
    public Health health() {
        BackendStatus status = backend.status();
        Health.Builder health = status.available() ? Health.up() : Health.down();
        return health.withDetail("backend", status.backend()).withDetail("detail", status.detail()).build();
    }
}
