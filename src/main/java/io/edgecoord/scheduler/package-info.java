/**
 * Scheduler: queues calls and decides which to run next when resources allow. Its decisions are
 * pure functions over snapshots; the {@link io.edgecoord.scheduler.Scheduler} bean carries them
 * out by handing calls to the execution module. Knows nothing of the database; its only HTTP
 * is a read-only view of its state ({@code GET /api/v1/scheduler}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduler")
package io.edgecoord.scheduler;
