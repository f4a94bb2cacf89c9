/**
 * Devices that push telemetry over MQTT: their subscriptions on the broker of module {@code mqtt} and the parsing of their payloads into readings.
 */
package io.edgecoord.device.mqtt;
