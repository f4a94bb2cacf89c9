/**
 * Routing: subscriptions {source, subject, target} with MQTT topic filters, deny by default.
 * Delivers device readings, connectivity changes, shadow deltas, task results and schedules to
 * tasks (invoked asynchronously through the scheduler) and to device shadows.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package io.edgecoord.routing;
