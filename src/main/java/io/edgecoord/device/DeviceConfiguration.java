package io.edgecoord.device;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the HTTP binding, connectivity, the reader and the poller; the poller stops with the context. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeviceProperties.class)
class DeviceConfiguration {

    @Bean(destroyMethod = "close")
    DeviceRuntime deviceRuntime(DeviceProperties properties, JsonMapper json, MeterRegistry meters,
            ApplicationEventPublisher events, Clock clock) {
        return build(properties, json, meters, events, clock);
    }

    /** The runtime without Spring, for tests and the benchmark; time is monotonic {@code System.nanoTime}. */
    static DeviceRuntime build(DeviceProperties properties, JsonMapper json, MeterRegistry meters,
            ApplicationEventPublisher events, Clock clock) {
        PollMetrics metrics = new PollMetrics(meters);
        ConnectivityTracker connectivity = new ConnectivityTracker(events, metrics, clock, properties.liveness());
        ValueTransforms transforms = new ValueTransforms(json);
        HttpDeviceClient client = new HttpDeviceClient(properties.poll().connectTimeout(), json);
        DeviceReader reader = new DeviceReader(client, transforms, properties, connectivity, events, metrics,
                System::nanoTime, clock);
        DevicePoller poller = new DevicePoller(reader, connectivity, metrics, properties, System::nanoTime,
                () -> ThreadLocalRandom.current().nextDouble());
        return new DeviceRuntime(properties, poller, connectivity, reader, transforms);
    }
}
