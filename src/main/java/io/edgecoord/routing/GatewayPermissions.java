package io.edgecoord.routing;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.task.TaskCatalog;
import io.edgecoord.task.TaskPermissions;

/**
 * Whether the task version of the environment calling the in-task API may do what it asks. Read
 * on every call, one indexed query, so that there is no cache to invalidate when a task is deleted.
 */
@Component
class GatewayPermissions {

    private final TaskCatalog tasks;

    GatewayPermissions(TaskCatalog tasks) {
        this.tasks = tasks;
    }

    /**
     * Lets the call through, or refuses it.
     *
     * @throws PermissionDeniedException (403) naming the permission that is missing
     * @throws org.springframework.web.ErrorResponseException (410) when the caller's version is gone
     */
    void check(EnvironmentSpec caller, GatewayAccess access, String target) {
        TaskPermissions granted = tasks.permissions(caller.taskName(), caller.taskVersion())
                .orElseThrow(() -> GatewayProblems.exception(HttpStatus.GONE, "environment-gone", "Task "
                        + caller.taskName() + " version " + caller.taskVersion() + " is no longer deployed."));
        access.check(caller.taskName(), caller.taskVersion(), granted, target);
    }
}
