/**
 * Which network addresses devices may have: CIDR blocks, the built-in rules (loopback,
 * link-local, cloud metadata, unspecified, multicast, broadcast, the coordinator's own ports),
 * the pure {@link io.edgecoord.device.network.NetworkPolicy} decision, and the guard that
 * resolves a device's host and judges every address before a connection is opened; the
 * coordinator's own ports are learnt as its web servers start. Knows nothing of devices,
 * profiles or polling.
 */
package io.edgecoord.device.network;
