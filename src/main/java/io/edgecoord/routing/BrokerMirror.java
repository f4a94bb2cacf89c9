package io.edgecoord.routing;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.mqtt.MqttPublisher;

/**
 * Puts the router's events on the MQTT broker too, on the same topics, so that external
 * subscribers see device readings, connectivity, shadow deltas and task results: the envelope as
 * JSON, QoS 0, not retained; a shadow delta as AWS's delta document alone, since devices written
 * for AWS IoT read that topic. Without a broker it does nothing; a failure is logged, never thrown
 * into the module that published the event.
 */
@Component
class BrokerMirror {

    private static final Logger log = LoggerFactory.getLogger(BrokerMirror.class);

    private final ObjectProvider<MqttPublisher> broker;
    private final JsonMapper json;
    /** The broker once found: a lookup in the bean factory costs more than the publish. */
    private volatile MqttPublisher found;

    BrokerMirror(ObjectProvider<MqttPublisher> broker, JsonMapper json) {
        this.broker = broker;
        this.json = json;
    }

    /** Publishes the event on its topic; {@code dataOnly} sends its data without the envelope. */
    void offer(String topic, Supplier<Envelope> event, boolean dataOnly) {
        MqttPublisher publisher = found;
        if (publisher == null) {
            publisher = broker.getIfAvailable();
            if (publisher == null) {
                return;
            }
            found = publisher;
        }
        try {
            Envelope envelope = event.get();
            publisher.publish(topic, json.writeValueAsBytes(dataOnly ? envelope.data() : envelope), 0, false);
        }
        catch (RuntimeException ex) {
            log.warn("Could not publish {} on the MQTT broker: {}", topic, ex.toString());
        }
    }
}
