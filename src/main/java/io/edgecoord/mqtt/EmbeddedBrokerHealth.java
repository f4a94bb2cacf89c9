package io.edgecoord.mqtt;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health contributor {@code mqtt} in embedded mode: UP while the broker listens (its ports and how
 * many clients are connected), DOWN once it has stopped; the dashboard's overview shows it.
 */
class EmbeddedBrokerHealth implements HealthIndicator {

    private final EmbeddedBroker broker;

    EmbeddedBrokerHealth(EmbeddedBroker broker) {
        this.broker = broker;
    }

    @Override
    public Health health() {
        if (!broker.isRunning()) {
            return Health.down().withDetail("mode", "embedded").build();
        }
        return Health.up().withDetail("mode", "embedded").withDetail("ports", broker.ports())
                .withDetail("clients", broker.connected()).build();
    }
}
