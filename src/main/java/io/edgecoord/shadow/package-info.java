/**
 * Device shadows with AWS IoT shadow semantics: desired, reported, computed delta, per-field
 * metadata, a version per accepted update and optimistic locking. Keeps {@code reported} in
 * step with polls and writes {@code desired} to devices. Public face: {@link
 * io.edgecoord.shadow.Shadows} and {@link io.edgecoord.shadow.ShadowDeltaChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shadows")
package io.edgecoord.shadow;
