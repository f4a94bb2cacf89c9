package io.edgecoord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code edgecoord.*} setting the configuration processor found is documented: named in
 * full in the README or {@code docs/}, covered by a {@code prefix.*} row, or named by its last
 * part on a line that names its parent ({@code edgecoord.invocation.max-retries}, {@code max-event-age}).
 */
class ConfigurationReferenceTests {

    @Test
    void everySettingIsInTheReference() throws IOException {
        JsonNode metadata;
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata").isNotNull();
            metadata = JsonMapper.shared().readTree(in);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            for (Path doc : docs.filter(d -> d.toString().endsWith(".md")).toList()) {
                lines.addAll(Files.readAllLines(doc));
            }
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asString();
            if (name.startsWith("edgecoord.") && !documented(name, lines)) {
                missing.add(name);
            }
        }
        assertThat(missing).isEmpty();
    }

    private static boolean documented(String name, List<String> lines) {
        int dot = name.lastIndexOf('.');
        String parent = name.substring(0, dot);
        String leaf = name.substring(dot + 1);
        for (String line : lines) {
            if (line.contains(name)) {
                return true;
            }
            for (String prefix = parent; prefix.contains("."); prefix = prefix.substring(0, prefix.lastIndexOf('.'))) {
                if (line.contains("`" + prefix + ".*`")) {
                    return true;
                }
            }
            if (line.contains(parent + ".") && (line.contains("`" + leaf + "`") || line.contains("`." + leaf + "`"))) {
                return true;
            }
        }
        return false;
    }
}
