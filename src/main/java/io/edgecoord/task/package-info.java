/**
 * Tasks: definitions and immutable versions, code artifacts stored content-addressed by sha256,
 * and the deployment REST API. Public face: {@link io.edgecoord.task.TaskCatalog} and the
 * records it returns. Knows nothing of invocations or execution.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks")
package io.edgecoord.task;
