package io.edgecoord.mqtt;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBufUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each client message the broker accepted to the listeners whose filter matches its topic;
 * the coordinator's own messages are not handed back. A client's last will is handed over too when
 * its connection is lost (Moquette sends wills to subscribers only, past its interceptors), if its
 * key may publish on the will's topic then. A listener that throws is logged and the others still run.
 */
class ClientMessages extends AbstractInterceptHandler implements MqttSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(ClientMessages.class);

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<Listener> everything = new CopyOnWriteArrayList<>();

    private final Map<String, MqttReceived> wills = new ConcurrentHashMap<>();

    private final BiPredicate<String, String> mayPublish;

    /** {@code mayPublish} says whether a user name (null: anonymous) may publish on a topic now. */
    ClientMessages(BiPredicate<String, String> mayPublish) {
        this.mayPublish = mayPublish;
    }

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
    public void onConnect(InterceptConnectMessage message) {
        if (message.isWillFlag()) {
            this.wills.put(message.getClientID(), new MqttReceived(message.getWillTopic(), message.getWillMessage(),
                    message.getClientID(), message.getUsername(), message.getWillQos(), message.isWillRetain()));
        }
        else {
            this.wills.remove(message.getClientID());
        }
    }

    /** A clean DISCONNECT discards the will (MQTT 3.1.1 §3.14.4). */
    @Override
    public void onDisconnect(InterceptDisconnectMessage message) {
        this.wills.remove(message.getClientID());
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage message) {
        MqttReceived will = this.wills.remove(message.getClientID());
        if (will != null && this.mayPublish.test(will.username(), will.topic())) {
            deliverMatching(everything, will);
            deliverMatching(listeners, will);
        }
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        // Counted by BrokerMetrics; nothing of ours to do.
    }

    private static MqttReceived received(InterceptPublishMessage message) {
        return new MqttReceived(message.getTopicName(), ByteBufUtil.getBytes(message.getPayload()),
                message.getClientID(), message.getUsername(), message.getQos().value(), message.isRetainFlag());
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
