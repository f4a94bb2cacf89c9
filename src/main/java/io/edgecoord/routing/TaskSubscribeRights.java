package io.edgecoord.routing;

import org.springframework.stereotype.Component;

import io.edgecoord.mqtt.MqttGrants;
import io.edgecoord.task.DeployedTask;
import io.edgecoord.task.TaskCatalog;
import io.edgecoord.task.TaskNotFoundException;
import io.edgecoord.task.TaskPermissions;

/**
 * Whether a task may get what an {@code mqtt} subscription delivers to it: its latest version's
 * {@code permissions.subscribe} must cover the subscription's filter, as its {@code publish} must
 * match what it publishes. Checked at creation and again at each delivery, because a new version
 * may grant less.
 */
@Component
class TaskSubscribeRights {

    private final TaskCatalog tasks;

    TaskSubscribeRights(TaskCatalog tasks) {
        this.tasks = tasks;
    }

    /**
     * Refuses an {@code mqtt} subscription whose task may not subscribe to its filter; a task not
     * deployed yet is accepted (its deliveries are checked when it is).
     *
     * @throws PermissionDeniedException (403) naming {@code subscribe}
     */
    void checkCreate(Definition definition) {
        if (definition.source() != SourceKind.MQTT || !(definition.target() instanceof Target.Task task)) {
            return;
        }
        TaskPermissions granted;
        int version;
        try {
            DeployedTask latest = tasks.latest(task.name());
            granted = latest.permissions();
            version = latest.version();
        }
        catch (TaskNotFoundException ex) {
            return;
        }
        GatewayAccess.SUBSCRIBE.check(task.name(), version, granted, definition.subject().text());
    }

    /** Whether the task's latest version may receive a message published on {@code topic}. */
    boolean mayReceive(String task, String topic) {
        try {
            return MqttGrants.covers(tasks.latest(task).permissions().subscribe(), topic);
        }
        catch (TaskNotFoundException ex) {
            return true; // the invocation refuses it as task-not-found, counted under that reason
        }
    }
}
