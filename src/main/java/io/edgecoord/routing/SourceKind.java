package io.edgecoord.routing;

import java.util.Locale;
import java.util.Set;

/**
 * Where a subscription's events come from, as named in the API. Each source publishes on its own
 * topics, so a subject whose first level cannot occur under the source is refused.
 */
enum SourceKind {

    /** The device service: {@code devices/{name}/readings/{source}}, {@code devices/{name}/connectivity}. */
    DEVICES(Set.of("devices", "+", "#")),
    /** The shadow service: {@code $aws/things/{name}/shadow/update/delta}; wildcards never match {@code $}. */
    SHADOWS(Set.of("$aws")),
    /** Results of tasks that succeeded: {@code tasks/{name}/results}. */
    TASKS(Set.of("tasks", "+", "#")),
    /** A cron schedule of the subscription itself: {@code schedules/{id}}; no subject. */
    SCHEDULE(Set.of()),
    /** What MQTT clients publish on the broker, any topic but {@code $...} ones (shadows have their own source). */
    MQTT(Set.of());

    private final Set<String> firstLevels;

    SourceKind(Set<String> firstLevels) {
        this.firstLevels = firstLevels;
    }

    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean canMatch(TopicFilter subject) {
        if (this == MQTT) {
            return !subject.firstLevel().startsWith("$");
        }
        return firstLevels.contains(subject.firstLevel());
    }

    static SourceKind parse(String text) {
        for (SourceKind kind : values()) {
            if (kind.apiName().equals(text)) {
                return kind;
            }
        }
        throw new InvalidSubscriptionException("source", "The source '" + text
                + "' is unknown; it must be one of devices, shadows, tasks, schedule, mqtt.");
    }
}
