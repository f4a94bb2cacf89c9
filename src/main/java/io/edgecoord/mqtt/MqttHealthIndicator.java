package io.edgecoord.mqtt;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health contributor {@code mqtt} in external mode: UP while connected to the external broker (with
 * its URL and since when), DOWN with the last failure and the attempts made while it is not.
 */
class MqttHealthIndicator implements HealthIndicator {

    private final ExternalBroker broker;

    MqttHealthIndicator(ExternalBroker broker) {
        this.broker = broker;
    }

    @Override
    public Health health() {
        ConnectionState state = broker.state();
        Health.Builder health = state.connected() ? Health.up() : Health.down();
        return describe(health.withDetail("mode", "external"), state, broker.url()).build();
    }

    /** The details both connections of the module show: URL, since when, failed attempts, last error. */
    static Health.Builder describe(Health.Builder health, ConnectionState state, String url) {
        health.withDetail("url", url).withDetail("since", state.since().toString()).withDetail("failedAttempts",
                state.failures());
        return (state.error() != null) ? health.withDetail("error", state.error()) : health;
    }
}
