package io.edgecoord.execution.docker;

import java.util.function.Supplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.edgecoord.execution.BackendStatus;
import io.edgecoord.execution.ExecutionBackend;
import io.edgecoord.execution.ExecutionBackends.DockerUse;

/**
 * Health contributor {@code docker}: UP with the engine's version, or DOWN with why it is not
 * there. UNKNOWN, which does not pull the coordinator's health down, where the coordinator does not
 * count on the engine: {@code process} was chosen, or {@code auto} found no engine at start-up and
 * refuses container tasks until it answers.
 */
class DockerHealthIndicator implements HealthIndicator {

    private final ExecutionBackend backend;
    private final Supplier<DockerUse> use;

    DockerHealthIndicator(ExecutionBackend backend) {
        this(backend, () -> DockerUse.REQUIRED);
    }

    DockerHealthIndicator(ExecutionBackend backend, Supplier<DockerUse> use) {
        this.backend = backend;
        this.use = use;
    }

    @Override
    public Health health() {
        DockerUse use = this.use.get();
        if (use == DockerUse.UNUSED) {
            return Health.unknown().withDetail("backend", "docker")
                    .withDetail("detail", "not in use: every task runs as a plain process (no isolation)").build();
        }
        BackendStatus status = backend.status();
        if (!status.available() && use == DockerUse.WHEN_AVAILABLE) {
            return Health.unknown().withDetail("backend", status.backend()).withDetail("detail", "no engine found at "
                    + "start-up: tasks that ask for container isolation are refused until it answers ("
                    + status.detail() + ")").build();
        }
        Health.Builder health = status.available() ? Health.up() : Health.down();
        return health.withDetail("backend", status.backend()).withDetail("detail", status.detail()).build();
    }
}
