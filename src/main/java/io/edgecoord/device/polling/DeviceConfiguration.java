package io.edgecoord.device.polling;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.http.HttpDeviceClient;
import io.edgecoord.device.modbus.ModbusConnector;
import io.edgecoord.device.modbus.ModbusDeviceClient;
import io.edgecoord.device.mqtt.MqttDevices;
import io.edgecoord.device.network.AddressGuard;
import io.edgecoord.device.network.MachineAddresses;
import io.edgecoord.device.network.OwnEndpoints;
import io.edgecoord.device.opcua.OpcUaCertificates;
import io.edgecoord.device.opcua.OpcUaDeviceClient;
import io.edgecoord.device.opcua.OpcUaSessions;
import io.edgecoord.device.opcua.OpcUaSubscriptions;
import io.edgecoord.device.polling.DeviceProperties;
import io.edgecoord.mqtt.MqttPublisher;
import io.edgecoord.mqtt.MqttSubscriptions;
import io.edgecoord.web.CoordinatorPorts;

/**
 * Wires the HTTP, Modbus, OPC UA and MQTT bindings, their address guard, connectivity, the reader and the poller; the poller
 * stops with the context.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeviceProperties.class)
class DeviceConfiguration {

    /** How long a reading of this machine's interface addresses is trusted. */
    private static final Duration ADDRESSES_MAX_AGE = Duration.ofSeconds(10);

    @Bean(destroyMethod = "close")
    DeviceRuntime deviceRuntime(DeviceProperties properties, JsonMapper json, MeterRegistry meters,
            ApplicationEventPublisher events, Clock clock, List<CoordinatorPorts> ports,
            ObjectProvider<MqttPublisher> publisher, ObjectProvider<MqttSubscriptions> subscriptions) {
        MachineAddresses machine = new MachineAddresses(ADDRESSES_MAX_AGE, System::nanoTime);
        DeviceRuntime runtime = build(properties, json, meters, events, clock,
                () -> new OwnEndpoints(union(ports), machine.get()), publisher::getIfAvailable);
        subscriptions.ifAvailable(runtime.mqtt()::listen);
        return runtime;
    }

    /** The runtime without Spring and without ports of its own, for tests and the benchmark. */
    static DeviceRuntime build(DeviceProperties properties, JsonMapper json, MeterRegistry meters,
            ApplicationEventPublisher events, Clock clock) {
        return build(properties, json, meters, events, clock, () -> OwnEndpoints.NONE, () -> null);
    }

    /** The runtime without Spring; time is monotonic {@code System.nanoTime}. */
    static DeviceRuntime build(DeviceProperties properties, JsonMapper json, MeterRegistry meters,
            ApplicationEventPublisher events, Clock clock, Supplier<OwnEndpoints> own, Supplier<MqttPublisher> broker) {
        PollMetrics metrics = new PollMetrics(meters);
        ConnectivityTracker connectivity = new ConnectivityTracker(events, metrics, clock, properties.liveness());
        ValueTransforms transforms = new ValueTransforms(json);
        AddressGuard guard = new AddressGuard(properties.network().policy(), own);
        OpcUaSessions sessions = new OpcUaSessions(guard, new OpcUaCertificates(properties.opcua().pkiDir(),
                properties.opcua().applicationUri(), properties.opcua().trustOnFirstUse()),
                properties.opcua().applicationUri());
        DeviceClients client = new DeviceClients(
                new HttpDeviceClient(properties.poll().connectTimeout(), guard, json),
                new ModbusDeviceClient(new ModbusConnector(guard, properties.poll().connectTimeout())),
                new OpcUaDeviceClient(sessions), new OpcUaSubscriptions(sessions));
        DeviceReader reader = new DeviceReader(client, transforms, properties, connectivity, events, metrics,
                System::nanoTime, clock);
        DevicePoller poller = new DevicePoller(reader, connectivity, metrics, properties, System::nanoTime,
                () -> ThreadLocalRandom.current().nextDouble());
        MqttDevices mqtt = new MqttDevices(reader, connectivity, json, clock, broker);
        return new DeviceRuntime(properties, poller, connectivity, reader, transforms, guard, mqtt);
    }

    private static Set<Integer> union(List<CoordinatorPorts> ports) {
        Set<Integer> all = new HashSet<>();
        ports.forEach((source) -> all.addAll(source.ports()));
        return all;
    }
}
