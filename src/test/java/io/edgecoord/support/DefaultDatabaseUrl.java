package io.edgecoord.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** {@code spring.datasource.url} as {@code application.yml} has it, with the data folder given. */
public final class DefaultDatabaseUrl {

    private DefaultDatabaseUrl() {
    }

    public static String of(Path dataDir) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(
                new MapPropertySource("test", Map.of("edgecoord.data-dir", dataDir.toString())));
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        String url = environment.getRequiredProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:" + dataDir);
        return url;
    }
}
