/**
 * Scheduler: queues calls and decides which to run next when resources allow. Its decisions are
 * pure functions over snapshots; the {@link io.edgecoord.scheduler.Scheduler} bean carries them
 * out by handing calls to the execution module. Knows nothing of HTTP or the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduler")
package io.edgecoord.scheduler;
