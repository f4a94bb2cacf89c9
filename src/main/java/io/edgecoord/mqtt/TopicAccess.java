package io.edgecoord.mqtt;

import java.util.List;

import io.edgecoord.security.CallerKey;
import io.edgecoord.security.Scope;

/**
 * What one MQTT client may do with topics: everything (an admin key), or publish to the topics its
 * publish filters match and subscribe to filters its subscribe filters cover. Pure.
 *
 * @param all whether every topic is allowed
 * @param publish filters of the topics it may publish to
 * @param subscribe filters it may subscribe within
 */
record TopicAccess(boolean all, List<String> publish, List<String> subscribe) {

    /** Nothing at all: an unknown or revoked key. */
    static final TopicAccess NONE = new TopicAccess(false, List.of(), List.of());

    TopicAccess {
        publish = List.copyOf(publish);
        subscribe = List.copyOf(subscribe);
    }

    /** The access of a key: admin keys every topic, others their topic filters. */
    static TopicAccess of(CallerKey key) {
        if (key.scopes().contains(Scope.ADMIN)) {
            return new TopicAccess(true, List.of(), List.of());
        }
        return new TopicAccess(false, key.topics().publish(), key.topics().subscribe());
    }

    /** Whether the client may publish to the topic name {@code topic}. */
    boolean mayPublish(String topic) {
        return all || TopicFilters.anyMatches(publish, topic);
    }

    /** Whether the client may subscribe to the filter {@code filter}. */
    boolean maySubscribe(String filter) {
        return all || TopicFilters.anyCovers(subscribe, filter);
    }
}
