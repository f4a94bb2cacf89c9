/**
 * Execution: the resource manager and its backends. Owns every execution environment: creates,
 * reuses warm, limits, destroys and cleans up. The {@code docker} sub-package is the Docker
 * Engine backend; it keeps docker-java (and its Jackson 2) inside it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Execution")
package io.edgecoord.execution;
