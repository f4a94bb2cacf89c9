package io.edgecoord.execution.process;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the process backend; starting it starts nothing, whichever backend is chosen. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessProperties.class)
class ProcessConfiguration {

    /** Its init and cleanup are the resource manager's to call, through the chosen backend. */
    @Bean
    ProcessBackend processBackend(ProcessProperties properties) {
        return new ProcessBackend(properties, System.getenv("PATH"));
    }
}
