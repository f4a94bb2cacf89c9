/**
 * Routing: subscriptions {source, subject, target} with MQTT topic filters, deny by default.
 * Delivers device readings, connectivity changes, shadow deltas, task results, schedules and what
 * MQTT clients publish to tasks (invoked asynchronously through the scheduler), to device shadows
 * and to MQTT topics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package io.edgecoord.routing;
