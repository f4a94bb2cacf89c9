package io.edgecoord.execution;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import io.edgecoord.execution.docker.DockerBackend;
import io.edgecoord.execution.process.ProcessBackend;

/** Chooses the backend at start-up and says which, and why, in the log. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExecutionBackendProperties.class)
class ExecutionBackendConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExecutionBackendConfiguration.class);

    /** The backend the resource manager uses; the others stay idle. */
    @Bean
    @Primary
    ExecutionBackends executionBackends(ExecutionBackendProperties properties, DockerBackend docker,
            ProcessBackend process) {
        ExecutionBackends.Setting setting = properties.backend();
        BackendStatus engine = setting == ExecutionBackends.Setting.AUTO ? docker.status() : null;
        ExecutionBackends.Kind kind = ExecutionBackends.choose(setting, engine);
        switch (kind) {
            case DOCKER -> log.info("Running tasks in Docker containers at {} (edgecoord.execution.backend={})",
                    docker.engineHost(), name(setting));
            case PROCESS -> {
                if (engine != null) {
                    log.warn("No Docker engine at {} ({}): running tasks as plain processes (no isolation)",
                            docker.engineHost(), engine.detail());
                }
                else {
                    log.warn("edgecoord.execution.backend=process: running tasks as plain processes (no isolation)");
                }
            }
        }
        return new ExecutionBackends(kind, kind == ExecutionBackends.Kind.DOCKER ? docker : process, process);
    }

    private static String name(ExecutionBackends.Setting setting) {
        return setting.name().toLowerCase(java.util.Locale.ROOT);
    }
}
