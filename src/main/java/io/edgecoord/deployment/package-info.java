/**
 * Deployments: configuration bundles (a declarative document of tasks, aliases, subscriptions, device
 * profiles, devices and keys' limits) validated
 * whole and applied in one transaction, their version history with who and when, dry runs that
 * answer the diff, rollback to an earlier version and pruning of what a bundle does not name.
 * Acts only through the other modules' bundle faces ({@link io.edgecoord.task.TaskBundles},
 * {@link io.edgecoord.routing.SubscriptionBundles}, {@link io.edgecoord.device.DeviceBundles},
 * {@link io.edgecoord.security.KeyBundles}); knows nothing of how they store or run things.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deployments")
package io.edgecoord.deployment;
