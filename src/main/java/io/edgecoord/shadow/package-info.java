/**
 * Device shadows with AWS IoT shadow semantics: desired, reported, computed delta, per-field
 * metadata, a version per accepted update and optimistic locking. Keeps {@code reported} in
 * step with polls and writes {@code desired} to devices. Speaks AWS IoT's shadow MQTT topics on the
 * coordinator's broker when there is one ({@code MqttShadows}). Public face: {@link
 * io.edgecoord.shadow.Shadows} and {@link io.edgecoord.shadow.ShadowDeltaChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shadows")
package io.edgecoord.shadow;
