package io.edgecoord.task;

import java.util.List;
import java.util.Objects;

/**
 * What a task version may reach from inside its environment; nothing that is not named here.
 * Frozen with the version. Shadow and task entries are name patterns in which {@code *} stands for
 * any run of characters (also none); publish and subscribe entries are MQTT topic filters. Each
 * list is sorted and free of duplicates, so that two deploys naming the same grants are equal.
 *
 * @param shadowsRead shadows (device names) whose document the task may read
 * @param shadowsWrite shadows the task may update; writing one implies reading it
 * @param invoke tasks the task may invoke
 * @param publish topic filters the task may publish to on the MQTT broker
 * @param subscribe topic filters the task may subscribe to (an {@code mqtt} subscription delivers to the task only topics they cover)
 */
public record TaskPermissions(List<String> shadowsRead, List<String> shadowsWrite, List<String> invoke,
        List<String> publish, List<String> subscribe) {

    /** No permission at all: the default of a task that declares none. */
    public static final TaskPermissions NONE = new TaskPermissions(List.of(), List.of(), List.of(), List.of(),
            List.of());

    public TaskPermissions {
        shadowsRead = normalized(shadowsRead);
        shadowsWrite = normalized(shadowsWrite);
        invoke = normalized(invoke);
        publish = normalized(publish);
        subscribe = normalized(subscribe);
    }

    /** Whether the task may read the shadow of {@code device}: it is named in read or in write. */
    public boolean mayReadShadow(String device) {
        return anyMatches(this.shadowsRead, device) || anyMatches(this.shadowsWrite, device);
    }

    /** Whether the task may update the shadow of {@code device}. */
    public boolean mayWriteShadow(String device) {
        return anyMatches(this.shadowsWrite, device);
    }

    /** Whether the task may invoke the task named {@code task}. */
    public boolean mayInvoke(String task) {
        return anyMatches(this.invoke, task);
    }

    /** Whether it grants nothing. */
    boolean isNone() {
        return equals(NONE);
    }

    /**
     * Whether {@code name} matches {@code pattern}, in which {@code *} matches any run of characters
     * and every other character only itself. Greedy with one backtrack point, so linear in practice
     * and never a regular expression built from user input.
     */
    static boolean matches(String pattern, String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == name.charAt(n)) {
                p++;
                n++;
            }
            else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = n;
            }
            else if (star >= 0) {
                p = star + 1;
                n = ++resume;
            }
            else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean anyMatches(List<String> patterns, String name) {
        return name != null && patterns.stream().anyMatch((pattern) -> matches(pattern, name));
    }

    private static List<String> normalized(List<String> entries) {
        return (entries != null) ? entries.stream().map(Objects::requireNonNull).distinct().sorted().toList()
                : List.of();
    }
}
