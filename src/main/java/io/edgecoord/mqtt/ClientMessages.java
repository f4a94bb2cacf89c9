package io.edgecoord.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBufUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each client message the broker accepted to the listeners whose filter matches its topic;
 * the coordinator's own messages are not handed back. A listener that throws is logged and the
 * others still run.
 */
class ClientMessages extends AbstractInterceptHandler implements MqttSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(ClientMessages.class);

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void onPublish(String filter, Consumer<MqttReceived> listener) {
        listeners.add(new Listener(filter, listener));
    }

    @Override
    public String getID() {
        return "edgecoord-subscriptions";
    }

    @Override
    public void onPublish(InterceptPublishMessage message) {
        try {
            if (EmbeddedBroker.CLIENT_ID.equals(message.getClientID())) {
                return;
            }
            String topic = message.getTopicName();
            MqttReceived received = null;
            for (Listener listener : listeners) {
                if (TopicFilters.matches(listener.filter(), topic)) {
                    if (received == null) {
                        received = new MqttReceived(topic, ByteBufUtil.getBytes(message.getPayload()),
                                message.getClientID(), message.getUsername());
                    }
                    deliver(listener, received);
                }
            }
        }
        finally {
            super.onPublish(message);
        }
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        // Counted by BrokerMetrics; nothing of ours to do.
    }

    private static void deliver(Listener listener, MqttReceived received) {
        try {
            listener.consumer().accept(received);
        }
        catch (RuntimeException ex) {
            log.warn("A listener of {} failed on a message on {}", listener.filter(), received.topic(), ex);
        }
    }

    private record Listener(String filter, Consumer<MqttReceived> consumer) {
    }
}
