/**
 * Tasks: definitions and immutable versions, code artifacts stored content-addressed by sha256,
 * and the deployment REST API. Public face: {@link io.edgecoord.task.TaskCatalog} and the
 * records it returns. Knows nothing of invocations or execution.
 * <p>
 * On disk, under {@code edgecoord.data-dir}: {@code artifacts/sha256/<2 hex>/<hex>.zip} (the
 * artifact, written once), {@code artifacts/tmp/} (uploads being staged) and {@code code/<hex>/}
 * (the artifact unpacked once: the task root). Inline code becomes a one-file zip; a java17 jar
 * becomes {@code lib/task.jar} inside the artifact; any other zip is kept as uploaded.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks")
package io.edgecoord.task;
