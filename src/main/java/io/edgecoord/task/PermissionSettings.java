package io.edgecoord.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.edgecoord.task.DeployTaskRequest.PermissionsRequest;
import io.edgecoord.task.DeployTaskRequest.ShadowsRequest;

/**
 * Turns a deploy request's {@code permissions} object into {@link TaskPermissions}: refuses keys
 * it does not know and entries that are not valid patterns, naming the field and the entry.
 */
final class PermissionSettings {

    /** The most entries one list may have. */
    static final int MAX_ENTRIES = 64;

    private static final Pattern DEVICE_PATTERN = Pattern.compile("[A-Za-z0-9._:*-]{1,128}");

    private static final Pattern TASK_PATTERN = Pattern.compile("[A-Za-z0-9_*-]{1,64}");

    private static final int MAX_TOPIC_FILTER = 256;

    private PermissionSettings() {
    }

    /**
     * The checked permissions; {@link TaskPermissions#NONE} when the object is absent.
     * @throws InvalidTaskException naming the unknown keys, or the first entry that is not a valid pattern
     */
    static TaskPermissions of(PermissionsRequest request) {
        if (request == null) {
            return TaskPermissions.NONE;
        }
        refuseUnknown("permissions", request.unknown(), "shadows, invoke, publish, subscribe");
        ShadowsRequest shadows = (request.shadows() != null) ? request.shadows()
                : new ShadowsRequest(null, null, null);
        refuseUnknown("permissions.shadows", shadows.unknown(), "read, write");
        TaskPermissions permissions = new TaskPermissions(
                names("shadows.read", shadows.read(), DEVICE_PATTERN, "device"),
                names("shadows.write", shadows.write(), DEVICE_PATTERN, "device"),
                names("invoke", request.invoke(), TASK_PATTERN, "task"), topicFilters("publish", request.publish()),
                topicFilters("subscribe", request.subscribe()));
        int length = PermissionsJson.write(permissions).length();
        if (length > PermissionsJson.MAX_LENGTH) {
            throw new InvalidTaskException("permissions take " + length + " characters once encoded as JSON; at most "
                    + PermissionsJson.MAX_LENGTH + " are allowed.");
        }
        return permissions;
    }

    private static void refuseUnknown(String field, Map<String, Object> unknown, String known) {
        if (unknown != null && !unknown.isEmpty()) {
            List<String> keys = unknown.keySet().stream().sorted().toList();
            InvalidTaskException ex = new InvalidTaskException(field + " has unknown key"
                    + ((keys.size() == 1) ? " " : "s ") + String.join(", ", keys) + "; the keys it takes are "
                    + known + ".");
            ex.getBody().setProperty("unknownKeys", keys);
            throw ex;
        }
    }

    private static List<String> names(String field, List<String> entries, Pattern valid, String kind) {
        return checked(field, entries, (entry) -> valid.matcher(entry).matches() ? null
                : "is not a " + kind + " name pattern: " + valid.pattern() + " ('*' matches any run of characters)");
    }

    private static List<String> topicFilters(String field, List<String> entries) {
        return checked(field, entries, PermissionSettings::topicFilterProblem);
    }

    /** Why {@code filter} is not an MQTT 3.1.1 topic filter, or {@code null} when it is one. */
    static String topicFilterProblem(String filter) {
        if (filter.isEmpty() || filter.length() > MAX_TOPIC_FILTER || filter.indexOf('\0') >= 0) {
            return "is not a topic filter: 1 to " + MAX_TOPIC_FILTER + " characters without NUL";
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            boolean multi = levels[i].contains("#");
            if (multi && (levels[i].length() != 1 || i != levels.length - 1)) {
                return "is not a topic filter: '#' must be a whole level, and the last one";
            }
            if (levels[i].contains("+") && levels[i].length() != 1) {
                return "is not a topic filter: '+' must be a whole level";
            }
        }
        return null;
    }

    private static List<String> checked(String field, List<String> entries, EntryRule rule) {
        if (entries == null) {
            return List.of();
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new InvalidTaskException("permissions." + field + " has " + entries.size() + " entries; at most "
                    + MAX_ENTRIES + " are allowed.");
        }
        List<String> checked = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            String problem = (entry != null) ? rule.problem(entry) : "is null";
            if (problem != null) {
                throw new InvalidTaskException("permissions." + field + "[" + i + "] "
                        + ((entry != null) ? "'" + entry + "' " : "") + problem + ".");
            }
            checked.add(entry);
        }
        return checked;
    }

    /** Why an entry is refused, or {@code null}. */
    @FunctionalInterface
    private interface EntryRule {

        String problem(String entry);
    }
}
