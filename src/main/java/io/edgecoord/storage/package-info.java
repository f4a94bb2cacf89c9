/**
 * Storage: keeps what the coordinator stores on its disk within bounds. Owns the embedded
 * database's file maintenance, so that its file tracks the data it holds. Knows no module's
 * tables, and nothing of invocations, tasks or devices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage")
package io.edgecoord.storage;
