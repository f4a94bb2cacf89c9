package io.edgecoord.security;

import java.util.List;

/**
 * The MQTT topic filters a key may publish to and subscribe to on the coordinator's broker; an
 * admin key may use every topic whatever these say, any other key only the topics they cover.
 *
 * @param publish filters of the topics it may publish to
 * @param subscribe filters of the topics it may subscribe to (a subscription must be covered by one)
 */
public record KeyTopics(List<String> publish, List<String> subscribe) {

    /** No topic at all. */
    public static final KeyTopics NONE = new KeyTopics(List.of(), List.of());

    public KeyTopics {
        publish = (publish != null) ? List.copyOf(publish) : List.of();
        subscribe = (subscribe != null) ? List.copyOf(subscribe) : List.of();
    }

    static KeyTopics of(String publishLines, String subscribeLines) {
        return new KeyTopics(lines(publishLines), lines(subscribeLines));
    }

    private static List<String> lines(String text) {
        return (text == null || text.isEmpty()) ? List.of() : List.of(text.split("\n"));
    }
}
