package io.edgecoord.routing;

import io.edgecoord.mqtt.MqttGrants;
import io.edgecoord.task.TaskPermissions;

/**
 * Which permission a call from inside a task needs, and whether its version holds it: a pure
 * decision, so each case is tested without a container.
 */
enum GatewayAccess {

    /** {@code GET shadows/{device}}: granted by {@code shadows.read} or {@code shadows.write}. */
    READ_SHADOW("read shadow", "shadows.read"),
    /** {@code PATCH shadows/{device}}. */
    WRITE_SHADOW("update shadow", "shadows.write"),
    /** {@code POST tasks/{name}/invoke}. */
    INVOKE("invoke task", "invoke"),
    /** {@code POST publish}: a topic one of {@code permissions.publish}'s MQTT filters matches. */
    PUBLISH("publish to topic", "publish"),
    /** An {@code mqtt} subscription delivering to the task: a filter of {@code permissions.subscribe} covers it. */
    SUBSCRIBE("subscribe to", "subscribe");

    private final String action;
    private final String permission;

    GatewayAccess(String action, String permission) {
        this.action = action;
        this.permission = permission;
    }

    /**
     * Lets the call through, or refuses it naming the permission that is missing.
     *
     * @param task the calling task's name
     * @param version the calling environment's task version, whose permissions are {@code granted}
     * @param target the device or task called, or the topic published to
     * @throws PermissionDeniedException when {@code granted} does not name {@code target}
     */
    void check(String task, int version, TaskPermissions granted, String target) {
        boolean allowed = switch (this) {
            case READ_SHADOW -> granted.mayReadShadow(target);
            case WRITE_SHADOW -> granted.mayWriteShadow(target);
            case INVOKE -> granted.mayInvoke(target);
            case PUBLISH -> granted.publish().stream().anyMatch(filter -> TopicFilter.parse(filter).matches(target));
            case SUBSCRIBE -> MqttGrants.covers(granted.subscribe(), target);
        };
        if (!allowed) {
            throw new PermissionDeniedException("task " + task + " version " + version + " may not " + this.action
                    + " " + target + ": add it to permissions." + this.permission, this.permission, target);
        }
    }
}
