/**
 * The device registry: devices' definitions (one {@link io.edgecoord.device.registry.ProtocolBinding} record per protocol, a sealed family), their validation against a profile and the network policy, storage with sealed secrets, bundles, and the REST API that registers, changes and lists them.
 */
package io.edgecoord.device.registry;
