package io.edgecoord.mqtt;

import java.util.List;

/**
 * MQTT 3.1.1 topic filters as grants: whether a topic name matches a filter (to publish), and
 * whether a granted filter covers a requested one, i.e. every topic the requested filter can match
 * is matched by the granted one (to subscribe). A filter whose first level is a wildcard matches
 * no topic that starts with {@code $} (MQTT 3.1.1 §4.7.2), so {@code #} grants no {@code $aws/...}.
 * Pure; filters are assumed well formed (the broker and the key API check them).
 */
final class TopicFilters {

    private TopicFilters() {
    }

    /** Whether any of {@code filters} matches the topic name {@code topic}. */
    static boolean anyMatches(List<String> filters, String topic) {
        return filters.stream().anyMatch(filter -> matches(filter, topic));
    }

    /** Whether any of {@code granted} covers the requested filter. */
    static boolean anyCovers(List<String> granted, String requested) {
        return granted.stream().anyMatch(filter -> covers(filter, requested));
    }

    /** Whether the topic name {@code topic} matches {@code filter}. */
    static boolean matches(String filter, String topic) {
        // A name has no wildcards, so "covers" is "matches" for it.
        return !topic.contains("+") && !topic.contains("#") && covers(filter, topic);
    }

    /** Whether every topic that {@code requested} can match is matched by {@code granted}. */
    static boolean covers(String granted, String requested) {
        String[] g = granted.split("/", -1);
        String[] r = requested.split("/", -1);
        if (r[0].startsWith("$") && (g[0].equals("+") || g[0].equals("#"))) {
            return false;
        }
        for (int i = 0; i < g.length; i++) {
            if (g[i].equals("#")) {
                return true;
            }
            if (i >= r.length || r[i].equals("#")) {
                return false;
            }
            if (!g[i].equals("+") && !g[i].equals(r[i])) {
                return false;
            }
        }
        return g.length == r.length;
    }
}
