package io.edgecoord.dashboard;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The metrics history and the one thread that samples it. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    MetricsHistory metricsHistory(MeterRegistry registry, Clock clock, DashboardProperties properties) {
        return new MetricsHistory(new MeterReader(registry, clock)::read, properties.samplesKept());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService dashboardSampler(MetricsHistory history, DashboardProperties properties) {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("edgecoord-dashboard-sampler").daemon().factory());
        long every = properties.sampleInterval().toMillis();
        sampler.scheduleAtFixedRate(history::sample, 0, every, TimeUnit.MILLISECONDS);
        return sampler;
    }
}
