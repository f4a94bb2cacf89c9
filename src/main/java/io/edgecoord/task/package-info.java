/**
 * Tasks: definitions and immutable versions, code artifacts stored content-addressed by sha256,
 * each version's execution settings, permissions and secret environment variables, and the
 * deployment REST API, aliases and Lambda's control plane (2015-03-31). Public face:
 * {@link io.edgecoord.task.TaskCatalog}, {@link io.edgecoord.task.TaskAliases} (set, read, roll back and
 * resolve aliases, joining the caller's transaction) with {@link io.edgecoord.task.AliasRouting}, the records the catalog returns
 * ({@link io.edgecoord.task.DeployedTask}, {@link io.edgecoord.task.TaskExecution},
 * {@link io.edgecoord.task.TaskPermissions}), {@link io.edgecoord.task.TaskVersionsInUse} (which
 * versions the modules that run tasks still need, so that version retention keeps them), and the
 * {@link io.edgecoord.task.TaskChanged} event,
 * published inside the transaction of a deploy that made a new version or of a delete. Knows
 * nothing of invocations or execution: it stores and checks execution settings and permissions,
 * others act on them. Secret variables are sealed with the security module's
 * {@link io.edgecoord.security.SecretCipher} before they are stored, and opened only for the catalog.
 * <p>
 * On disk, under {@code edgecoord.data-dir}: {@code artifacts/sha256/<2 hex>/<hex>.zip} (the
 * artifact, written once), {@code artifacts/tmp/} (uploads being staged) and {@code code/<hex>/}
 * (the artifact unpacked once: the task root). Inline code becomes a one-file zip; a java17 jar
 * becomes {@code lib/task.jar} inside the artifact; any other zip is kept as uploaded. Version
 * retention ({@code VersionPruner}, {@code edgecoord.task.retention.*}) deletes the versions outside
 * each task's newest N that no alias names and nothing uses, and their artifact and code once no
 * remaining version shares the sha256.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks")
package io.edgecoord.task;
