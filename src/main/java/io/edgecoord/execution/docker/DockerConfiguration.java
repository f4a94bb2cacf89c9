package io.edgecoord.execution.docker;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.edgecoord.execution.ExecutionBackends;

/**
 * Wires the Docker backend. Nothing here talks to the engine, so the coordinator starts (and
 * reports DOWN on its health endpoint) when the engine is not there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DockerProperties.class)
class DockerConfiguration {

    @Bean
    DockerClients dockerClients(DockerProperties properties) {
        return DockerClients.connect(properties.host());
    }

    @Bean
    RuntimeImages runtimeImages(DockerClients dockerClients, DockerProperties properties,
            ResourceLoader resourceLoader, ObjectProvider<Clock> clock) {
        return new RuntimeImages(dockerClients, properties, new PathMatchingResourcePatternResolver(resourceLoader),
                clock.getIfAvailable(Clock::systemUTC));
    }

    /** Its init and cleanup are the resource manager's to call, at its start and stop. */
    @Bean
    DockerBackend dockerBackend(DockerClients dockerClients, DockerProperties properties, RuntimeImages runtimeImages,
            ObjectProvider<Clock> clock) {
        return new DockerBackend(dockerClients, properties, runtimeImages, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    DockerHealthIndicator dockerHealthIndicator(DockerBackend dockerBackend,
            ObjectProvider<ExecutionBackends> backends) {
        return new DockerHealthIndicator(dockerBackend, () -> {
            ExecutionBackends chosen = backends.getIfAvailable();
            return chosen == null ? ExecutionBackends.DockerUse.REQUIRED : chosen.dockerUse();
        });
    }
}
