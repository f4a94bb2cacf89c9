package io.edgecoord.runtime;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimePropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RuntimeProperties.class)
    static class Settings {
    }

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void bindsTheSocketRootAndDefaultsTheResponseLimitToSixMegabytes() {
        context.withPropertyValues("edgecoord.runtime.socket-root=/tmp/edge/run").run(run -> {
            RuntimeProperties properties = run.getBean(RuntimeProperties.class);
            assertThat(properties.socketRoot()).isEqualTo(Path.of("/tmp/edge/run"));
            assertThat(properties.maxResponseSize()).isEqualTo(DataSize.ofMegabytes(6));
        });
    }

    @Test
    void refusesToStartWithoutASocketRootOrWithANonPositiveLimit() {
        context.run(run -> assertThat(run).getFailure().hasStackTraceContaining("socketRoot"));
        context.withPropertyValues("edgecoord.runtime.socket-root=/tmp/r", "edgecoord.runtime.max-response-size=0B")
                .run(run -> assertThat(run).getFailure().hasStackTraceContaining("max-response-size"));
    }
}
