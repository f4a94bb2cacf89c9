package io.edgecoord.device.polling;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.DeviceConnectivityChanged;
import io.edgecoord.device.DeviceFixtures;
import io.edgecoord.device.DeviceReadingsPolled;
import io.edgecoord.device.DeviceSimulator;
import io.edgecoord.device.polling.DeviceProperties;
import io.edgecoord.device.registry.PolledDevice;

/** The real poller, reader and connectivity tracker, without Spring, against a {@link DeviceSimulator}. */
public final class PollingHarness implements AutoCloseable {

    public final DeviceSimulator simulator;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    final List<Object> events = new CopyOnWriteArrayList<>();

    public final DeviceRuntime runtime;

    public PollingHarness(DeviceProperties properties) throws IOException {
        this.simulator = DeviceSimulator.start();
        this.runtime = DeviceConfiguration.build(properties, JsonMapper.builder().build(), this.meters,
                this.events::add, Clock.systemUTC());
    }

    public PollingHarness() throws IOException {
        this(DeviceFixtures.fastSettings());
    }

    /** Simulates and schedules a thermostat on its own link. */
    public PolledDevice add(String name, Duration interval, Duration timeout) {
        return add(name, "link-" + name, interval, timeout);
    }

    public PolledDevice add(String name, String link, Duration interval, Duration timeout) {
        this.simulator.device(name).value("temperature", 215);
        PolledDevice device = DeviceFixtures.polled(name, this.simulator.baseUrl(name), link, interval, timeout);
        this.runtime.apply(null, device);
        return device;
    }

    double polls(PollResult result) {
        return this.meters.get("edgecoord.device.polls").tag("result", result.tag()).counter().count();
    }

    List<DeviceConnectivityChanged> transitions(String device) {
        return this.events.stream()
            .filter(DeviceConnectivityChanged.class::isInstance)
            .map(DeviceConnectivityChanged.class::cast)
            .filter((e) -> e.device().equals(device))
            .toList();
    }

    List<DeviceReadingsPolled> readings(String device) {
        return this.events.stream()
            .filter(DeviceReadingsPolled.class::isInstance)
            .map(DeviceReadingsPolled.class::cast)
            .filter((e) -> e.device().equals(device))
            .toList();
    }

    @Override
    public void close() {
        this.runtime.close();
        this.simulator.close();
    }
}
