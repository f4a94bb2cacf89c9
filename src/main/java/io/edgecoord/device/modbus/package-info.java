/**
 * The Modbus data model, apart from any connection: where a resource lives (its
 * {@link io.edgecoord.device.modbus.ModbusLocator}, parsed from a profile resource's attributes),
 * how registers become values and values registers ({@link io.edgecoord.device.modbus.RegisterCodec}),
 * and which requests a poll sends ({@link io.edgecoord.device.modbus.ReadPlan}). Pure; knows
 * nothing of devices, links or polling.
 */
package io.edgecoord.device.modbus;
