package io.edgecoord.task;

/**
 * The outcome of a deploy.
 *
 * @param created whether a new version was created ({@code false}: identical to the latest)
 * @param task the task with the new or the unchanged latest version
 */
record Deployment(boolean created, TaskResponse task) {
}
