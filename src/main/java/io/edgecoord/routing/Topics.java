package io.edgecoord.routing;

/**
 * The topics the router publishes events on. Names taken from devices, sources and tasks become
 * one level each: {@code / + # $ %} and control characters in them are percent-encoded (all are ASCII;
 * other characters stay as they are),
 * so a name can neither add a level, act as a wildcard, nor make a {@code $} topic.
 */
final class Topics {

    private static final String HEX = "0123456789ABCDEF";

    private Topics() {
    }

    static String readings(String device, String source) {
        return "devices/" + level(device) + "/readings/" + level(source);
    }

    static String connectivity(String device) {
        return "devices/" + level(device) + "/connectivity";
    }

    static String shadowDelta(String device) {
        return "$aws/things/" + level(device) + "/shadow/update/delta";
    }

    static String taskResults(String task) {
        return "tasks/" + level(task) + "/results";
    }

    static String schedule(String subscriptionId) {
        return "schedules/" + level(subscriptionId);
    }

    /** Percent-encodes what would change a topic's structure if it appeared in a level. */
    static String level(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '$' || c == '%' || c < 0x20 || c == 0x7f) {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
