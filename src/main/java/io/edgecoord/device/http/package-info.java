/**
 * The HTTP binding's client: reads and writes a device's resources over HTTP, through the address guard.
 */
package io.edgecoord.device.http;
