package io.edgecoord.mqtt;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health contributor {@code mqttBridge}: UP while the upstream is connected, else OUT_OF_SERVICE
 * (messages are spooled, the coordinator itself is fine); with the spool's size and the drops.
 */
class BridgeHealthIndicator implements HealthIndicator {

    private final Bridge bridge;

    BridgeHealthIndicator(Bridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public Health health() {
        ConnectionState state = bridge.state();
        Health.Builder health = state.connected() ? Health.up() : Health.outOfService();
        health.withDetail("spooled", bridge.spooled()).withDetail("dropped", (long) bridge.droppedCount());
        return MqttHealthIndicator.describe(health, state, bridge.url()).build();
    }
}
