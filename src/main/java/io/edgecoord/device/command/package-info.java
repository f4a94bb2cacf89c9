/**
 * Commands: reading and writing a device's resources on demand ({@link io.edgecoord.device.DeviceCommands}), their failures, and the REST API that does it.
 */
package io.edgecoord.device.command;
