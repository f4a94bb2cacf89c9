package io.edgecoord.task;

import java.util.List;

/**
 * Resolves deployed tasks for the invocation module.
 * <p>
 * Thread-safe. The returned {@link DeployedTask#codeDirectory()} exists and is fully unpacked.
 * Each change of a task's latest version is announced by a {@link TaskChanged} event.
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
     * The latest version of every task that keeps environments started ahead of calls
     * ({@link TaskExecution#keepsWarm()}: {@code minWarm > 0} or pinned), by name. Older versions
     * are never listed, whatever their settings.
     */
    List<DeployedTask> warmTargets();
}
