/**
 * Devices: profiles, the registry, polling, connectivity, and commands that read and write
 * devices' resources. Publishes {@link io.edgecoord.device.DeviceReadingsPolled} and
 * {@link io.edgecoord.device.DeviceConnectivityChanged}; its public face for other modules is
 * {@link io.edgecoord.device.DeviceRegistry}, {@link io.edgecoord.device.DeviceCommands} and
 * {@link io.edgecoord.device.DeviceBundles} (changes in a bundle's transaction, acted on after its commit).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Devices")
package io.edgecoord.device;
