package io.edgecoord.task;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the code artifact store under {@code edgecoord.data-dir} and the code stager. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaskProperties.class)
class TaskConfiguration {

    @Bean
    ArtifactStore artifactStore(@Value("${edgecoord.data-dir:./data}") Path dataDirectory) throws IOException {
        ArtifactStore store = new ArtifactStore(dataDirectory);
        store.removeLeftovers();
        return store;
    }

    @Bean
    CodeStager codeStager(ArtifactStore artifactStore, TaskProperties properties) {
        return new CodeStager(artifactStore, properties);
    }
}
