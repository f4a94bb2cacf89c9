package io.edgecoord.mqtt;

import io.edgecoord.security.CallerKey;

/**
 * What a key may do on the broker, for modules that act on MQTT on a key's behalf (a subscription
 * that reads or publishes topics for its creator): the same decision the broker makes for the
 * key's own clients. Pure.
 */
public final class MqttGrants {

    private MqttGrants() {
    }

    /** Whether {@code key} may publish on the topic name {@code topic}. */
    public static boolean mayPublish(CallerKey key, String topic) {
        return TopicAccess.of(key).mayPublish(topic);
    }

    /** Whether one of the {@code granted} filters covers {@code filter} (a topic name is a filter too). */
    public static boolean covers(java.util.List<String> granted, String filter) {
        return TopicFilters.anyCovers(granted, filter);
    }

    /** Whether {@code key} may subscribe to {@code filter}: one of its subscribe filters covers it. */
    public static boolean maySubscribe(CallerKey key, String filter) {
        return TopicAccess.of(key).maySubscribe(filter);
    }
}
