package io.edgecoord.routing;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.edgecoord.invocation.InvocationCause;
import io.edgecoord.invocation.Invocations;
import io.edgecoord.mqtt.InvalidTopicException;
import io.edgecoord.mqtt.MqttPublisher;
import io.edgecoord.shadow.Shadows;

/**
 * Carries one message to its target: invokes a task asynchronously with the envelope as payload,
 * recording the route and topic as the invocation's cause, or writes a task's result as the
 * desired state of a shadow, or publishes it on an MQTT topic. A refusal (no such task, a full invocation queue, a rejected shadow
 * update) drops the message and is counted with the refusal's problem type as reason.
 */
@Component
class TargetDelivery {

    private static final Logger log = LoggerFactory.getLogger(TargetDelivery.class);

    private final Invocations invocations;
    private final ObjectProvider<Shadows> shadows;
    private final ObjectProvider<MqttPublisher> broker;
    private final LoopGuard loops;
    private final RouterMetrics metrics;
    private final JsonMapper json;
    private final TaskSubscribeRights taskRights;

    TargetDelivery(Invocations invocations, ObjectProvider<Shadows> shadows, ObjectProvider<MqttPublisher> broker,
            LoopGuard loops, RouterMetrics metrics, JsonMapper json, TaskSubscribeRights taskRights) {
        this.taskRights = taskRights;
        this.broker = broker;
        this.invocations = invocations;
        this.shadows = shadows;
        this.loops = loops;
        this.metrics = metrics;
        this.json = json;
    }

    void deliver(Message message) {
        Envelope event = message.event();
        Target target = message.route().target();
        try {
            String dropped = switch (target) {
                case Target.Task task -> invoke(task, message);
                case Target.Shadow shadow -> update(shadow, message);
                case Target.Mqtt mqtt -> publish(mqtt, message);
            };
            if (dropped == null) {
                metrics.routed(event.type(), target.type());
            }
            else {
                metrics.dropped(event.type(), target.type(), dropped);
            }
        }
        catch (ErrorResponseException ex) {
            log.debug("{} refused event {} of route {}: {}", target.text(), event.id(), message.route().id(),
                    ex.getBody().getDetail());
            metrics.dropped(event.type(), target.type(), reason(ex.getBody().getType()));
        }
        catch (RuntimeException ex) {
            log.warn("Could not deliver event {} of route {} to {}", event.id(), message.route().id(), target.text(),
                    ex);
            metrics.dropped(event.type(), target.type(), "error");
        }
    }

    /** Invokes the task; answers why it did not, or null when it did. */
    private String invoke(Target.Task task, Message message) {
        if (loops.tooDeep(message.hops())) {
            return "loop";
        }
        Envelope event = message.event();
        if (message.route().definition().source() == SourceKind.MQTT && !taskRights.mayReceive(task.name(),
                event.subject())) {
            return "subscribe-denied"; // a guard: the version that got the subscription may have granted more
        }
        InvocationCause cause = new InvocationCause(message.route().id(), event.source(), event.subject());
        String id = invocations.invokeAsync(task.name(),
                json.writeValueAsBytes(task.dataOnly() ? event.data() : event), cause);
        loops.invoked(id, message.hops() + 1);
        return null;
    }

    /** Updates the shadow's desired state; answers why it did not, or null when it did. */
    private String update(Target.Shadow shadow, Message message) {
        Shadows service = shadows.getIfAvailable();
        if (service == null) {
            return "shadow_unavailable";
        }
        ObjectNode request = json.createObjectNode();
        request.putObject("state").set("desired", message.event().data());
        loops.delivering(message.hops(), () -> service.update(shadow.device(), request, null));
        return null;
    }

    /** Publishes the event's data (a string as its text), QoS 1, not retained; answers why it did not, or null. */
    private String publish(Target.Mqtt mqtt, Message message) {
        MqttPublisher publisher = broker.getIfAvailable();
        if (publisher == null) {
            return "mqtt_unavailable";
        }
        JsonNode data = message.event().data();
        byte[] payload = data.isString() ? data.stringValue().getBytes(StandardCharsets.UTF_8)
                : json.writeValueAsBytes(data);
        try {
            publisher.publish(mqtt.topic(), payload, 1, false);
        }
        catch (InvalidTopicException ex) {
            return "invalid-publish";
        }
        return null;
    }

    /** The problem type's slug, such as {@code task-not-found}: a bounded set of reasons. */
    private static String reason(URI type) {
        String path = type == null ? null : type.getPath();
        return path == null || path.isEmpty() ? "refused" : path.substring(path.lastIndexOf('/') + 1);
    }
}
