/**
 * Polling and connectivity: each device's schedule, the reader that asks a binding's client and publishes readings, value transforms, the liveness that makes a device ONLINE or OFFLINE, and the wiring of the whole device runtime.
 */
package io.edgecoord.device.polling;
