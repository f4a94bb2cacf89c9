package io.edgecoord.routing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.mqtt.InvalidTopicException;
import io.edgecoord.mqtt.MqttPublisher;

/** Puts a task's message on the MQTT broker once its {@code permissions.publish} allow the topic. */
@Component
class GatewayPublisher {

    private final GatewayPermissions permissions;
    private final ObjectProvider<MqttPublisher> broker;

    GatewayPublisher(GatewayPermissions permissions, ObjectProvider<MqttPublisher> broker) {
        this.permissions = permissions;
        this.broker = broker;
    }

    /**
     * Publishes, or refuses: 403 without the permission, 503 without a broker, 400 for a topic the
     * broker refuses.
     */
    void publish(EnvironmentSpec caller, PublishRequest message) {
        permissions.check(caller, GatewayAccess.PUBLISH, message.topic());
        MqttPublisher service = broker.getIfAvailable();
        if (service == null) {
            throw GatewayProblems.exception(HttpStatus.SERVICE_UNAVAILABLE, "mqtt-unavailable",
                    "No MQTT broker runs here.");
        }
        try {
            service.publish(message.topic(), message.payload(), message.qos(), message.retain());
        }
        catch (InvalidTopicException ex) {
            throw GatewayProblems.exception(HttpStatus.BAD_REQUEST, "invalid-publish", ex.getMessage());
        }
    }
}
