package io.edgecoord.routing;

import java.util.Arrays;
import java.util.List;

/**
 * An MQTT 3.1.1 topic filter: {@code +} matches exactly one level (also an empty one), {@code #}
 * as the last level matches its parent and every level below it, and a filter whose first level
 * is a wildcard never matches a topic that starts with {@code $} (MQTT 3.1.1 §4.7.2).
 * Levels are compared exactly; topics split on every {@code /}, so {@code a//b} has three levels.
 */
record TopicFilter(String text, List<String> levels) {

    /** As MQTT allows a topic of 65,535 bytes; ours are kept in a column of 256 characters. */
    static final int MAX_LENGTH = 256;

    TopicFilter {
        levels = List.copyOf(levels);
    }

    /**
     * Checks a filter as an MQTT server does.
     *
     * @throws InvalidSubscriptionException when it is empty, too long, contains NUL, or uses a
     *     wildcard other than as a whole level ({@code a+/b}) or {@code #} before the last level
     */
    static TopicFilter parse(String text) {
        if (text == null || text.isEmpty()) {
            throw InvalidSubscriptionException.subject(text, "it is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw InvalidSubscriptionException.subject(text, "it is longer than " + MAX_LENGTH + " characters");
        }
        if (text.indexOf('\0') >= 0) {
            throw InvalidSubscriptionException.subject(text, "it contains NUL");
        }
        List<String> levels = Arrays.asList(text.split("/", -1));
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            if (level.contains("#") && (!level.equals("#") || i != levels.size() - 1)) {
                throw InvalidSubscriptionException.subject(text, "'#' must be a whole level, and the last one");
            }
            if (level.contains("+") && !level.equals("+")) {
                throw InvalidSubscriptionException.subject(text, "'+' must be a whole level");
            }
        }
        return new TopicFilter(text, levels);
    }

    /** Whether a topic (a name, without wildcards) matches this filter. */
    boolean matches(String topic) {
        String first = levels.getFirst();
        if (topic.startsWith("$") && (first.equals("+") || first.equals("#"))) {
            return false;
        }
        String[] parts = topic.split("/", -1);
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            if (level.equals("#")) {
                return true;
            }
            if (i >= parts.length) {
                return false;
            }
            if (!level.equals("+") && !level.equals(parts[i])) {
                return false;
            }
        }
        return parts.length == levels.size();
    }

    /** The filter's first level: a literal, or a wildcard. */
    String firstLevel() {
        return levels.getFirst();
    }

    @Override
    public String toString() {
        return text;
    }
}
