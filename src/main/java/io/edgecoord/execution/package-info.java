/**
 * Execution: the resource manager and its backends. Owns every execution environment: creates,
 * reuses warm, limits, destroys and cleans up. The {@code docker} sub-package is the Docker
 * Engine backend; it keeps docker-java (and its Jackson 2) inside it.
 *
 * <p>Its face: {@code ResourceManager} for the scheduler alone (place, run, release, stop,
 * prewarm, listeners), {@code PoolView} to read the pool, {@code WarmPool} to say what to keep
 * warm, and the call's own types ({@code ExecutionRequest}, {@code ExecutionResult},
 * {@code EnvironmentSpec}, {@code EnvironmentPolicy}, {@code StartKind}), which this module owns
 * as the lowest layer of a call. It must not know the scheduler, invocations or tasks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Execution")
package io.edgecoord.execution;
