package io.edgecoord.execution.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import io.edgecoord.execution.ExecutionBackend;

class DockerConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(DockerConfiguration.class)
            .withPropertyValues("edgecoord.execution.docker.host=unix:///tmp/nonexistent.sock",
                    "edgecoord.execution.docker.instance-id=config-test");

    @Test
    void startsWithoutTheEngineAndReportsDockerDown() {
        context.run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(ExecutionBackend.class);
            assertThat(started.getBean(ExecutionBackend.class)).isInstanceOf(DockerBackend.class);
            HealthIndicator docker = started.getBean("dockerHealthIndicator", HealthIndicator.class);
            assertThat(docker.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(docker.health().getDetails()).containsKeys("backend", "detail");
        });
    }

    @Test
    void bindsTheDocumentedDefaults() {
        var properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("edgecoord.execution.docker", DockerProperties.class);

        assertThat(properties).isEqualTo(new DockerProperties("unix:///var/run/docker.sock", "edgecoord", 1.0, 128,
                DataSize.ofMegabytes(64), "10001:10001", "debian:bookworm-slim", "1m", Duration.ofMinutes(10)));
    }

    @Test
    void failsAtStartUpOnABadInstanceId() {
        context.withPropertyValues("edgecoord.execution.docker.instance-id=has space", "edgecoord.execution.docker.cpus=0")
                .run(started -> assertThat(started).hasFailed());
    }
}
