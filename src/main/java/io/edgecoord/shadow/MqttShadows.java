package io.edgecoord.shadow;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.edgecoord.mqtt.MqttPublisher;
import io.edgecoord.mqtt.MqttReceived;
import io.edgecoord.mqtt.MqttSubscriptions;

/**
 * The AWS IoT Device Shadow MQTT protocol over the same shadow service the REST API uses: requests
 * on {@code $aws/things/{name}/shadow/update|get|delete} are answered on {@code .../accepted} or
 * {@code .../rejected} (AWS's error document, with the request's {@code clientToken}); every
 * accepted update, whatever made it, is announced on {@code update/accepted} and
 * {@code update/documents} ({@code update/delta} is the routing module's). Who may send a request
 * is the broker's decision: a key needs the request topic among its publish filters. Without a
 * broker it does nothing.
 */
@Component
class MqttShadows {

    private final ShadowService shadows;
    private final ObjectProvider<MqttPublisher> broker;
    private final JsonMapper json;
    private final Clock clock;

    MqttShadows(ShadowService shadows, ObjectProvider<MqttSubscriptions> subscriptions,
            ObjectProvider<MqttPublisher> broker, JsonMapper json, Clock clock) {
        this.shadows = shadows;
        this.broker = broker;
        this.json = json;
        this.clock = clock;
        subscriptions.ifAvailable(s -> s.onPublish(ShadowTopic.REQUESTS, this::received));
    }

    void received(MqttReceived message) {
        ShadowTopic.parse(message.topic()).ifPresent(request -> answer(request, message.payload()));
    }

    private void answer(ShadowTopic request, byte[] payload) {
        String token = null;
        try {
            JsonNode body = (payload.length == 0) ? json.createObjectNode() : json.readTree(payload);
            token = body.path("clientToken").isString() ? body.path("clientToken").asString() : null;
            switch (request.operation()) {
                case UPDATE -> shadows.update(request.device(), body, null);
                case GET -> publish(request.accepted(), withToken(((ObjectNode) shadows.document(request.device())).deepCopy(),
                        token));
                case DELETE -> publish(request.accepted(), withToken(shadows.delete(request.device()), token));
            }
        }
        catch (ShadowException ex) {
            publish(request.rejected(), error(ex.getStatusCode().value(), ex.awsMessage(),
                    token != null ? token : (String) ex.getBody().getProperties().get("clientToken")));
        }
        catch (JacksonException ex) {
            publish(request.rejected(), error(400, "Payload contains invalid json", null));
        }
    }

    @EventListener
    void on(ShadowAccepted accepted) {
        if (broker.getIfAvailable() == null) {
            return;
        }
        ShadowChange change = accepted.change();
        String base = ShadowTopic.base(accepted.device());
        publish(base + "update/accepted", change.response());
        ObjectNode documents = json.createObjectNode();
        documents.set("previous", change.previous().snapshot());
        documents.set("current", change.current().snapshot());
        documents.put("timestamp", change.current().timestamp().getEpochSecond());
        withToken(documents, change.clientToken());
        publish(base + "update/documents", documents);
    }

    /** AWS's error document. */
    private ObjectNode error(int code, String message, String token) {
        ObjectNode error = json.createObjectNode();
        error.put("code", code);
        error.put("message", message);
        error.put("timestamp", clock.instant().getEpochSecond());
        return withToken(error, token);
    }

    private static ObjectNode withToken(ObjectNode document, String token) {
        if (token != null) {
            document.put("clientToken", token);
        }
        return document;
    }

    private void publish(String topic, JsonNode document) {
        MqttPublisher publisher = broker.getIfAvailable();
        if (publisher != null) {
            publisher.publish(topic, json.writeValueAsBytes(document), 0, false);
        }
    }
}
