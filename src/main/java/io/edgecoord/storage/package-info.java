/**
 * Storage: keeps what the coordinator stores on its disk within bounds. Owns the embedded
 * database's file maintenance (so that its file tracks the data it holds) and the retention
 * schedule: when ended records and logs are old or many enough to go, and how many go at a time.
 * Knows no module's tables: a module that keeps records offers them through
 * {@link io.edgecoord.storage.RetainedRecords} and decides itself what may never go (running and
 * queued calls).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage")
package io.edgecoord.storage;
