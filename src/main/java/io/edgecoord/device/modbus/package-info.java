/**
 * The Modbus TCP binding: its data model apart from any connection (where a resource lives, its
 * {@link io.edgecoord.device.modbus.ModbusLocator} parsed from a profile resource's attributes;
 * how registers become values and values registers,
 * {@link io.edgecoord.device.modbus.RegisterCodec}; which requests a poll sends,
 * {@link io.edgecoord.device.modbus.ReadPlan}; all pure), and the client that opens links through
 * the address guard, sends a poll's requests and names Modbus failures.
 */
package io.edgecoord.device.modbus;
