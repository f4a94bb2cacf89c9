package io.edgecoord.mqtt;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;

import io.edgecoord.security.KeyVerifier;

/**
 * Decides each publish and subscribe by the client's key as it is in force now, so a key revoked
 * while connected can do nothing more; anonymous clients (user name {@code null}) get the topics
 * the settings give them. A refused subscription gets the failure return code in SUBACK. A refused
 * publish is dropped and its client disconnected, as AWS IoT does: MQTT 3.1.1 has no negative
 * acknowledgement, and a QoS 1 publish left unanswered would hold the client's in-flight window.
 */
class TopicAuthorizer implements IAuthorizatorPolicy {

    private static final Logger log = LoggerFactory.getLogger(TopicAuthorizer.class);

    private final KeyVerifier keys;
    private final TopicAccess anonymous;
    private final BrokerMetrics metrics;
    private final Consumer<String> disconnect;
    private final Consumer<String> subscribing;

    /**
     * {@code subscribing} is told of each client allowed a subscription, on that client's session loop
     * (where {@link BrokerSessions#bound} must run).
     */
    TopicAuthorizer(KeyVerifier keys, TopicAccess anonymous, BrokerMetrics metrics, Consumer<String> disconnect,
            Consumer<String> subscribing) {
        this.subscribing = subscribing;
        this.keys = keys;
        this.anonymous = anonymous;
        this.metrics = metrics;
        this.disconnect = disconnect;
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        boolean allowed = access(user).mayPublish(topic.toString());
        if (!allowed) {
            log.info("MQTT client {} (key {}) may not publish to {}: dropped, and the client disconnected", client,
                    user, topic);
            metrics.refused("publish");
            disconnect.accept(client);
        }
        return allowed;
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        boolean allowed = access(user).maySubscribe(topic.toString());
        if (!allowed) {
            log.info("MQTT client {} (key {}) may not subscribe to {}", client, user, topic);
            metrics.refused("subscribe");
        }
        else {
            subscribing.accept(client);
        }
        return allowed;
    }

    private TopicAccess access(String user) {
        if (user == null) {
            return anonymous;
        }
        return keys.current(user).map(TopicAccess::of).orElse(TopicAccess.NONE);
    }
}
