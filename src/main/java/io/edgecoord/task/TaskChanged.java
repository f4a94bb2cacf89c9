package io.edgecoord.task;

/**
 * A task's latest version changed: a deploy recorded a new version, or the task was deleted.
 * <p>
 * Published inside the deploy's or the delete's transaction, so a listener that acts on the
 * catalog should use {@code @TransactionalEventListener} (after commit) or Modulith's
 * {@code @ApplicationModuleListener}: it then finds the new version with
 * {@link TaskCatalog#latest(String)}, or {@link TaskNotFoundException} for a deleted task. An
 * identical redeploy changes nothing and publishes nothing.
 *
 * @param name the task's name
 */
public record TaskChanged(String name) {
}
