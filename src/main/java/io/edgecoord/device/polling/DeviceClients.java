package io.edgecoord.device.polling;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import io.edgecoord.device.http.HttpDeviceClient;
import io.edgecoord.device.modbus.ModbusDeviceClient;
import io.edgecoord.device.modbus.ModbusRequests;
import io.edgecoord.device.mqtt.MqttDevices;
import io.edgecoord.device.opcua.OpcUaDeviceClient;
import io.edgecoord.device.opcua.OpcUaSubscriptions;
import io.edgecoord.device.opcua.OpcUaValues;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.registry.HttpBinding;
import io.edgecoord.device.registry.ModbusBinding;
import io.edgecoord.device.registry.MqttBinding;
import io.edgecoord.device.registry.OpcUaBinding;
import io.edgecoord.device.registry.PolledDevice;
import io.edgecoord.device.registry.ProtocolBinding;

/**
 * The protocol bindings' clients behind one face: reads and writes go to the client of the
 * device's binding. HTTP reads one resource per request; Modbus batches a poll's resources.
 * OPC UA devices with {@code sampling: subscribe} are watched through their subscription instead.
 */
final class DeviceClients implements AutoCloseable {

    private final HttpDeviceClient http;

    private final ModbusDeviceClient modbus;

    private final OpcUaDeviceClient opcua;

    private final OpcUaSubscriptions subscriptions;

    DeviceClients(HttpDeviceClient http, ModbusDeviceClient modbus, OpcUaDeviceClient opcua,
            OpcUaSubscriptions subscriptions) {
        this.http = http;
        this.modbus = modbus;
        this.opcua = opcua;
        this.subscriptions = subscriptions;
    }

    /** Keeps a subscribing device's subscription alive (only OPC UA devices subscribe). */
    void watch(PolledDevice device, Duration timeout, BiConsumer<ProfileResource, OpcUaSubscriptions.Change> changes)
            throws DeviceCallException {
        this.subscriptions.ensure(device, timeout, changes);
    }

    void unwatch(String device) {
        this.subscriptions.stop(device);
    }

    boolean watching(String device) {
        return this.subscriptions.watching(device);
    }

    /** The raw values of the resources, in their order. */
    Map<ProfileResource, JsonNode> read(ProtocolBinding binding, List<ProfileResource> resources,
            Supplier<Duration> remaining) throws DeviceCallException {
        return switch (binding) {
            case HttpBinding http -> {
                Map<ProfileResource, JsonNode> values = new LinkedHashMap<>();
                for (ProfileResource resource : resources) {
                    values.put(resource, this.http.read(http, resource, remaining.get()));
                }
                yield values;
            }
            case ModbusBinding modbus -> this.modbus.read(modbus, resources, remaining);
            case OpcUaBinding opcua -> this.opcua.read(opcua, resources, remaining);
            case MqttBinding mqtt -> throw notPolled();
        };
    }

    void write(ProtocolBinding binding, ProfileResource resource, JsonNode raw, Supplier<Duration> remaining)
            throws DeviceCallException {
        switch (binding) {
            case HttpBinding http -> this.http.write(http, resource, raw, remaining.get());
            case ModbusBinding modbus -> this.modbus.write(modbus, resource, raw, remaining);
            case OpcUaBinding opcua -> this.opcua.write(opcua, resource, raw, remaining.get());
            case MqttBinding mqtt -> throw notPolled();
        }
    }

    /** Refuses, with {@link InvalidValueException}, a raw value the binding cannot carry. */
    void check(ProtocolBinding binding, ProfileResource resource, JsonNode raw) {
        switch (binding) {
            case HttpBinding http -> {
                // JSON carries any value the profile admits.
            }
            case OpcUaBinding opcua -> OpcUaValues.variant(resource, raw);
            case ModbusBinding modbus -> ModbusRequests.check(resource, raw);
            case MqttBinding mqtt -> {
                // JSON carries any value the profile admits.
            }
        }
    }

    /** MQTT devices publish; {@link MqttDevices} carries their values, never a request. */
    private static DeviceCallException notPolled() {
        return new DeviceCallException(FailureKind.INTERNAL, "an MQTT device is not polled; it publishes");
    }

    @Override
    public void close() {
        this.http.close();
        this.modbus.close();
        this.opcua.close();
        this.subscriptions.close();
    }
}
