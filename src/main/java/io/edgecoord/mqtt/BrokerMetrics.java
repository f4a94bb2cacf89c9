package io.edgecoord.mqtt;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;

/**
 * The broker's meters: {@code edgecoord.mqtt.clients} (connected now),
 * {@code edgecoord.mqtt.messages{direction=in}} and {@code edgecoord.mqtt.bytes{direction=in}}
 * (accepted publishes of clients and their payload bytes), {@code edgecoord.mqtt.messages{direction=coordinator}}
 * (published by the coordinator itself), {@code edgecoord.mqtt.refused{reason}}
 * (authentication, connections, publish, subscribe, certificate, tls), {@code edgecoord.mqtt.retained} (topics with a
 * retained message, embedded mode), {@code edgecoord.mqtt.errors} (failures in
 * the broker's session loops), {@code edgecoord.mqtt.dropped{reason}} (messages dropped for
 * subscribers: {@code subscriber-queue-full}, {@code session-evicted}) and
 * {@code edgecoord.mqtt.persistent-sessions}; what the broker delivers is counted by {@link OutboundMeter}.
 * Fed by the broker's threads.
 */
class BrokerMetrics extends AbstractInterceptHandler {

    private final MeterRegistry registry;
    private final Counter messagesIn;
    private final Counter bytesIn;
    private final Set<String> retained = ConcurrentHashMap.newKeySet();
    private final OutboundMeter outbound;

    BrokerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.outbound = new OutboundMeter(registry);
        this.messagesIn = Counter.builder("edgecoord.mqtt.messages").tag("direction", "in")
                .description("MQTT messages published to the broker and accepted").register(registry);
        this.bytesIn = Counter.builder("edgecoord.mqtt.bytes").tag("direction", "in").baseUnit("bytes")
                .description("payload bytes of the MQTT messages accepted").register(registry);
        Gauge.builder("edgecoord.mqtt.retained", retained::size).description("topics with a retained message")
                .register(registry);
    }

    /**
     * Follows the retained messages as the broker keeps them (Moquette does not tell): a retained
     * publish keeps its topic; an empty one clears it, and so does one at QoS 0, which Moquette 0.17
     * discards after clearing the one before (MQTT 3.1.1 allows it, §3.3.1.3).
     */
    void retain(String topic, boolean retain, int qos, int payloadBytes) {
        if (!retain) {
            return;
        }
        if (payloadBytes == 0 || qos == 0) {
            retained.remove(topic);
        }
        else {
            retained.add(topic);
        }
    }

    /** Reports the connected clients as {@code connected} counts them. */
    void clients(IntSupplier connected) {
        Gauge.builder("edgecoord.mqtt.clients", connected::getAsInt).description("MQTT clients connected")
                .register(registry);
    }

    /** Counts one message the coordinator published itself. */
    void published() {
        registry.counter("edgecoord.mqtt.messages", "direction", "coordinator").increment();
    }

    /** Counts one message of another client that the coordinator received from an external broker. */
    void received(int bytes) {
        messagesIn.increment();
        bytesIn.increment(bytes);
    }

    /** The handler that counts what the embedded broker delivers, for its clients' connections. */
    OutboundMeter outbound() {
        return outbound;
    }

    /** Counts messages dropped for a subscriber. */
    void dropped(String reason, int messages) {
        registry.counter("edgecoord.mqtt.dropped", "reason", reason).increment(messages);
    }

    /** Reports the persistent sessions the embedded broker keeps, as {@code kept} counts them. */
    void persistentSessions(IntSupplier kept) {
        Gauge.builder("edgecoord.mqtt.persistent-sessions", kept::getAsInt)
                .description("persistent MQTT sessions kept, connected or not").register(registry);
    }

    /** Counts one refusal. */
    void refused(String reason) {
        registry.counter("edgecoord.mqtt.refused", "reason", reason).increment();
    }

    @Override
    public String getID() {
        return "edgecoord-metrics";
    }

    @Override
    public void onPublish(InterceptPublishMessage message) {
        if (!EmbeddedBroker.CLIENT_ID.equals(message.getClientID()) && !Bridge.LOCAL_ID.equals(message.getClientID())) {
            messagesIn.increment();
            bytesIn.increment(message.getPayload().readableBytes());
        }
        retain(message.getTopicName(), message.isRetainFlag(), message.getQos().value(),
                message.getPayload().readableBytes());
        super.onPublish(message);
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        registry.counter("edgecoord.mqtt.errors").increment();
    }
}
