package io.edgecoord.task;

import java.util.List;
import java.util.Optional;

/**
 * Resolves deployed tasks for the invocation module, and their permissions for whoever serves a
 * task's calls from inside its environment.
 * <p>
 * Thread-safe. The returned {@link DeployedTask#codeDirectory()} exists and is fully unpacked, and
 * its secret variables are opened; a version whose secrets cannot be opened (sealed under another
 * secret key) throws {@link SecretsUnreadableException}. Each change of a task's latest version is
 * announced by a {@link TaskChanged} event.
 */
public interface TaskCatalog {

    /**
     * The latest version of a task.
     * @throws TaskNotFoundException when no task has this name
     */
    DeployedTask latest(String name);

    /**
     * One version of a task.
     * @throws TaskNotFoundException when the task or that version is missing
     */
    DeployedTask version(String name, int version);

    /**
     * What one version of a task may reach from inside its environment, without opening its secrets
     * or touching its code; empty when the task or that version is gone.
     */
    Optional<TaskPermissions> permissions(String name, int version);

    /**
     * The latest version of every task that keeps environments started ahead of calls
     * ({@link TaskExecution#keepsWarm()}: {@code minWarm > 0} or pinned), by name. Older versions
     * are never listed, whatever their settings.
     */
    List<DeployedTask> warmTargets();
}
