package io.edgecoord.storage;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The disk budget in {@code /actuator/health} and in readiness: UP when OK, UP with
 * {@code level: LOW} past the low watermark (old records going early), DOWN past the critical one
 * (new work refused), so that a load balancer stops sending work here until space returns.
 */
class DiskBudgetHealthIndicator implements HealthIndicator {

    private final DiskWatch watch;

    DiskBudgetHealthIndicator(DiskWatch watch) {
        this.watch = watch;
    }

    @Override
    public Health health() {
        DiskWatch.Sample sample = watch.last();
        Health.Builder health = sample.level() == DiskLevel.CRITICAL ? Health.down() : Health.up();
        return health.withDetail("level", sample.level().name())
                .withDetail("dataDirBytes", sample.usage().dataDirBytes())
                .withDetail("maxSizeBytes", sample.budget().maxSize())
                .withDetail("freeBytes", sample.usage().freeBytes())
                .withDetail("totalBytes", sample.usage().totalBytes())
                .withDetail("reason", sample.reason())
                .build();
    }
}
