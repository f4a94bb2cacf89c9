package io.edgecoord.execution;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import io.edgecoord.execution.docker.DockerBackend;
import io.edgecoord.execution.process.ProcessBackend;

/** Chooses how tasks run at start-up and says so, and why, in the log. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExecutionBackendProperties.class)
class ExecutionBackendConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExecutionBackendConfiguration.class);

    /** The backends the resource manager uses, and how it counts on Docker. */
    @Bean
    @Primary
    ExecutionBackends executionBackends(ExecutionBackendProperties properties, DockerBackend docker,
            ProcessBackend process) {
        ExecutionBackends.Setting setting = properties.backend();
        BackendStatus engine = setting == ExecutionBackends.Setting.AUTO ? docker.status() : null;
        ExecutionBackends.DockerUse use = ExecutionBackends.choose(setting, engine);
        switch (use) {
            case REQUIRED -> log.info("Running tasks in Docker containers at {} (edgecoord.execution.backend={})",
                    docker.engineHost(), name(setting));
            case WHEN_AVAILABLE -> log.warn("No Docker engine at {} ({}): tasks that ask for container isolation are "
                    + "refused (503 execution-unavailable) until it answers, and run in containers once it does; "
                    + "tasks deployed with isolation 'none' run as plain processes. To run every task as a plain "
                    + "process, without isolation, set edgecoord.execution.backend=process",
                    docker.engineHost(), engine.detail());
            case UNUSED -> log.warn("edgecoord.execution.backend=process: running every task as a plain process "
                    + "(no isolation)");
        }
        return new ExecutionBackends(use, docker, process);
    }

    private static String name(ExecutionBackends.Setting setting) {
        return setting.name().toLowerCase(java.util.Locale.ROOT);
    }
}
