package io.edgecoord.routing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.DeviceConnectivityChanged;
import io.edgecoord.device.DeviceReadingsPolled;
import io.edgecoord.invocation.InvocationCompleted;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.mqtt.MqttReceived;
import io.edgecoord.mqtt.MqttSubscriptions;
import io.edgecoord.shadow.ShadowDeltaChanged;

/**
 * Turns other modules' events into routed events on their topics. Runs synchronously on the
 * publisher's thread and only matches and enqueues; an event's data is built only when a route
 * takes it.
 */
@Component
class RouterListeners {

    private final Router router;
    private final BrokerMirror mirror;
    private final LoopGuard loops;
    private final JsonMapper json;
    private final Clock clock;

    RouterListeners(Router router, BrokerMirror mirror, LoopGuard loops, JsonMapper json, Clock clock,
            ObjectProvider<MqttSubscriptions> broker) {
        this.router = router;
        this.mirror = mirror;
        this.loops = loops;
        this.json = json;
        this.clock = clock;
        broker.ifAvailable(subscriptions -> subscriptions.onPublish("#", this::on));
    }

    /**
     * A client's message on the broker, for {@code mqtt} routes; not mirrored, it is on the broker
     * already. Runs on the broker's thread: matching and enqueueing only.
     */
    void on(MqttReceived message) {
        router.publish(SourceKind.MQTT, message.topic(), "mqtt.message", false, 0,
                () -> new Envelope(UUID.randomUUID().toString(), "mqtt.message", "mqtt:" + message.clientId(),
                        message.topic(), clock.instant(), result(message.payload())));
    }

    /** Routes the event, and puts it on the MQTT broker for subscribers outside the coordinator. */
    private void publish(SourceKind source, String topic, String type, boolean priority, int hops,
            Supplier<Envelope> event) {
        Supplier<Envelope> once = new Supplier<>() {
            private Envelope built;

            @Override
            public Envelope get() {
                // Built at most once, so a route and the broker see the same event id.
                if (built == null) {
                    built = event.get();
                }
                return built;
            }
        };
        router.publish(source, topic, type, priority, hops, once);
        mirror.offer(topic, once, source == SourceKind.SHADOWS);
    }

    @EventListener
    void on(DeviceReadingsPolled polled) {
        String topic = Topics.readings(polled.device(), polled.source());
        publish(SourceKind.DEVICES, topic, "device.readings", false, 0, () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("device", polled.device());
            data.put("source", polled.source());
            data.put("values", polled.values());
            data.put("changed", polled.changed());
            return envelope("device.readings", "device:" + polled.device(), topic, polled.at(), data);
        });
    }

    /** Transitions are rare and matter: they take the priority lane, dropped last. */
    @EventListener
    void on(DeviceConnectivityChanged changed) {
        String topic = Topics.connectivity(changed.device());
        publish(SourceKind.DEVICES, topic, "device.connectivity", true, 0, () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("device", changed.device());
            data.put("status", changed.status());
            data.put("previous", changed.previous());
            data.put("reason", changed.reason());
            data.put("consecutiveFailures", changed.consecutiveFailures());
            return envelope("device.connectivity", "device:" + changed.device(), topic, changed.at(), data);
        });
    }

    @EventListener
    void on(ShadowDeltaChanged delta) {
        String topic = Topics.shadowDelta(delta.device());
        publish(SourceKind.SHADOWS, topic, "shadow.delta", false, LoopGuard.current(), () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("version", delta.version());
            data.put("timestamp", delta.at().getEpochSecond());
            data.put("state", delta.delta());
            return envelope("shadow.delta", "shadow:" + delta.device(), topic, delta.at(), data);
        });
    }

    /** Only results route; the hops are forgotten whatever the outcome. */
    @EventListener
    void on(InvocationCompleted completed) {
        int hops = loops.completed(completed.invocationId());
        if (completed.status() != InvocationStatus.SUCCEEDED) {
            return;
        }
        String topic = Topics.taskResults(completed.task());
        publish(SourceKind.TASKS, topic, "task.result", false, hops,
                () -> new Envelope(completed.invocationId(), "task.result", "task:" + completed.task(), topic,
                        clock.instant(), result(completed.result())));
    }

    private Envelope envelope(String type, String source, String topic, Instant at, Object data) {
        return new Envelope(UUID.randomUUID().toString(), type, source, topic, at, json.valueToTree(data));
    }

    /** A result or payload as JSON, or as a string when it is not JSON. */
    private JsonNode result(byte[] result) {
        if (result == null || result.length == 0) {
            return json.getNodeFactory().nullNode();
        }
        try {
            return json.readTree(result);
        }
        catch (JacksonException ex) {
            return json.getNodeFactory().stringNode(new String(result, StandardCharsets.UTF_8));
        }
    }
}
