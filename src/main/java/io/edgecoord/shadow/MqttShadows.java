package io.edgecoord.shadow;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
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

    private final ShadowRequests requests;
    private final ObjectProvider<MqttPublisher> broker;
    private final JsonMapper json;

    MqttShadows(ShadowRequests requests, ObjectProvider<MqttSubscriptions> subscriptions,
            ObjectProvider<MqttPublisher> broker, JsonMapper json) {
        this.requests = requests;
        this.broker = broker;
        this.json = json;
        subscriptions.ifAvailable(s -> s.onPublish(ShadowTopic.REQUESTS, this::received));
    }

    void received(MqttReceived message) {
        ShadowTopic.parse(message.topic()).ifPresent(request -> answer(request, message.payload()));
    }

    /** An accepted update is announced by {@link #on(ShadowAccepted)}, whatever made it. */
    private void answer(ShadowTopic request, byte[] payload) {
        ShadowRequests.Answer answer = requests.answer(request, payload);
        if (!answer.accepted()) {
            publish(request.rejected(), answer.document());
        }
        else if (request.operation() != ShadowTopic.Operation.UPDATE) {
            publish(request.accepted(), answer.document());
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
