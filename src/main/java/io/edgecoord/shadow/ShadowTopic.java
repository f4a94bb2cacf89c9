package io.edgecoord.shadow;

import java.util.Optional;

/**
 * An AWS IoT Device Shadow request topic of a device's classic shadow,
 * {@code $aws/things/{name}/shadow/update|get|delete}, and the topics its answers go to. Pure.
 *
 * @param device the thing (device) name
 * @param operation what the request asks
 */
record ShadowTopic(String device, Operation operation) {

    /** Every request topic of every device: one filter the broker matches. */
    static final String REQUESTS = "$aws/things/+/shadow/+";

    /** What a request topic asks. */
    enum Operation {
        UPDATE, GET, DELETE
    }

    /** The request a topic names; empty for any other topic (an answer, a named shadow). */
    static Optional<ShadowTopic> parse(String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length != 5 || !levels[0].equals("$aws") || !levels[1].equals("things") || levels[2].isEmpty()
                || !levels[3].equals("shadow")) {
            return Optional.empty();
        }
        Operation operation = switch (levels[4]) {
            case "update" -> Operation.UPDATE;
            case "get" -> Operation.GET;
            case "delete" -> Operation.DELETE;
            default -> null;
        };
        return Optional.ofNullable(operation).map(op -> new ShadowTopic(levels[2], op));
    }

    /** The prefix of the device's shadow topics. */
    static String base(String device) {
        return "$aws/things/" + device + "/shadow/";
    }

    /** Where a successful answer goes: {@code .../update/accepted}, {@code .../get/accepted}, … */
    String accepted() {
        return base(device) + name() + "/accepted";
    }

    /** Where a refusal goes: {@code .../update/rejected}, … */
    String rejected() {
        return base(device) + name() + "/rejected";
    }

    private String name() {
        return operation.name().toLowerCase(java.util.Locale.ROOT);
    }
}
