package io.edgecoord.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeApiServerWiringTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RuntimeProperties.class)
    @Import(RuntimeApiServer.class)
    static class RuntimeModule {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Test
    void startsWithTheContextRemovesLeftoverSocketsAndClosesEndpointsWhenItStops() throws Exception {
        Path root = Files.createTempDirectory(Path.of("/tmp"), "rt");
        Path leftover = Files.createDirectories(root.resolve("old-env"));
        Files.createFile(leftover.resolve("runtime.sock"));
        Path[] folder = new Path[1];
        try {
            new ApplicationContextRunner().withUserConfiguration(RuntimeModule.class)
                    .withPropertyValues("edgecoord.runtime.socket-root=" + root)
                    .run(context -> {
                        RuntimeApiServer server = context.getBean(RuntimeApiServer.class);
                        assertThat(server.isRunning()).isTrue();
                        assertThat(leftover).doesNotExist();
                        folder[0] = server.open("env-1").socketDirectory();
                        assertThat(folder[0].resolve("runtime.sock")).exists();
                    });
            assertThat(folder[0]).doesNotExist();
        }
        finally {
            FileSystemUtils.deleteRecursively(root);
        }
    }
}
