package io.edgecoord.task;

/**
 * Resolves deployed tasks for the invocation module.
 * <p>
 * Thread-safe. The returned {@link DeployedTask#codeDirectory()} exists and is fully unpacked.
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
}
