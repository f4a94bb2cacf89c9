package io.edgecoord.routing;

import java.util.regex.Pattern;

/**
 * Where a subscription delivers: {@code task:<name>}, {@code function:<name>} (a task that gets the
 * event's data alone, as Greengrass and Lambda hand a function the message), {@code shadow:<device>}
 * or {@code mqtt:<topic>}.
 */
sealed interface Target {

    /** The text form, {@code kind:name}, which also keys the target's queue. */
    String text();

    /** The kind, a bounded metric tag. */
    String type();

    /**
     * Invokes the task asynchronously with the event envelope as its payload, or with the event's
     * data alone ({@code dataOnly}: a {@code function:} target); the topic reaches it as the
     * subject of its client context either way.
     */
    record Task(String name, boolean dataOnly) implements Target {
        Task(String name) {
            this(name, false);
        }

        public String text() { return (dataOnly ? "function:" : "task:") + name; }
        public String type() { return "task"; }
    }

    /** Makes the event's data (a task's result) the desired state of the device's shadow. */
    record Shadow(String device) implements Target {
        public String text() { return "shadow:" + device; }
        public String type() { return "shadow"; }
    }

    /** Publishes the event's data (a task's result) on an MQTT topic, as the coordinator. */
    record Mqtt(String topic) implements Target {
        public String text() { return "mqtt:" + topic; }
        public String type() { return "mqtt"; }
    }

    Pattern TASK_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    int MAX_DEVICE_NAME = 128;

    static Target parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        String kind = colon < 0 ? String.valueOf(text) : text.substring(0, colon);
        String name = colon < 0 ? "" : text.substring(colon + 1);
        return switch (kind) {
            case "task", "function" -> {
                if (!TASK_NAME.matcher(name).matches()) {
                    throw new InvalidSubscriptionException("target", "The task name '" + name
                            + "' is not valid; it must match " + TASK_NAME + ".");
                }
                yield new Task(name, kind.equals("function"));
            }
            case "shadow" -> {
                if (name.isBlank() || name.length() > MAX_DEVICE_NAME) {
                    throw new InvalidSubscriptionException("target", "The shadow target needs a device name of 1 to "
                            + MAX_DEVICE_NAME + " characters.");
                }
                yield new Shadow(name);
            }
            case "mqtt" -> {
                if (name.isEmpty() || name.length() > 256 || name.contains("+") || name.contains("#")
                        || name.indexOf('\0') >= 0) {
                    throw new InvalidSubscriptionException("target", "The mqtt target needs a topic name of 1 to 256 "
                            + "characters without wildcards, not '" + name + "'.");
                }
                yield new Mqtt(name);
            }
            default -> throw new InvalidSubscriptionException("target", "The target '" + text
                    + "' is unknown; it must be task:<name>, function:<name>, shadow:<device> or mqtt:<topic>.");
        };
    }
}
