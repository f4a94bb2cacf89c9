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
    private final List<Listener> everything = new CopyOnWriteArrayList<>();

    @Override
    public void onPublish(String filter, Consumer<MqttReceived> listener) {
        listeners.add(new Listener(filter, listener));
    }

    /**
     * Calls {@code listener} for each message on a topic matching {@code filter} whoever published it,
     * the coordinator included, except what {@code exceptClientId} published (the bridge's own).
     */
    void onAnyPublish(String filter, String exceptClientId, Consumer<MqttReceived> listener) {
        everything.add(new Listener(filter, received -> {
            if (!exceptClientId.equals(received.clientId())) {
                listener.accept(received);
            }
        }));
    }

    /**
     * Hands on a message the coordinator published inside the broker, which Moquette does not pass to
     * interceptors: to the listeners of every message, and when the bridge brought it down from
     * upstream, to the others too, as a client's message. Runs on the publisher's thread.
     */
    void internallyPublished(MqttReceived received) {
        deliverMatching(everything, received);
        if (!EmbeddedBroker.CLIENT_ID.equals(received.clientId())) {
            deliverMatching(listeners, received);
        }
    }

    private static void deliverMatching(List<Listener> candidates, MqttReceived received) {
        for (Listener listener : candidates) {
            if (TopicFilters.matches(listener.filter(), received.topic())) {
                deliver(listener, received);
            }
        }
    }

    @Override
    public String getID() {
        return "edgecoord-subscriptions";
    }

    @Override
    public void onPublish(InterceptPublishMessage message) {
        try {
            String topic = message.getTopicName();
            boolean fromClient = !EmbeddedBroker.CLIENT_ID.equals(message.getClientID());
            if (anyMatches(everything, topic) || (fromClient && anyMatches(listeners, topic))) {
                MqttReceived received = received(message);
                deliverMatching(everything, received);
                if (fromClient) {
                    deliverMatching(listeners, received);
                }
            }
        }
        finally {
            super.onPublish(message);
        }
    }

    private static boolean anyMatches(List<Listener> candidates, String topic) {
        return candidates.stream().anyMatch(listener -> TopicFilters.matches(listener.filter(), topic));
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        // Counted by BrokerMetrics; nothing of ours to do.
    }

    private static MqttReceived received(InterceptPublishMessage message) {
        return new MqttReceived(message.getTopicName(), ByteBufUtil.getBytes(message.getPayload()),
                message.getClientID(), message.getUsername());
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
