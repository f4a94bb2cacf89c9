/**
 * The OPC UA binding's client: sessions shared per endpoint, the application certificate and its trust list, reads, writes and subscriptions.
 */
package io.edgecoord.device.opcua;
