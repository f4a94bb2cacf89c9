/**
 * Routing: subscriptions {source, subject, target} with MQTT topic filters, deny by default.
 * Delivers device readings, connectivity changes, shadow deltas, task results, schedules and what
 * MQTT clients publish to tasks (invoked asynchronously through the scheduler), to device shadows
 * and to MQTT topics. Also the in-task API on every environment's Runtime API endpoint
 * ({@code EnvironmentGateway}), with Greengrass v1's Core SDK seam under {@code greengrass/}
 * ({@code GreengrassSeam}): publishes, shadow requests and task calls under the task's permissions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package io.edgecoord.routing;
