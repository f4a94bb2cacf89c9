package io.edgecoord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final Path DOCS = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(EdgecoordApplication.class);

    @Test
    void modulesDependOnlyOnEachOthersPublicFaces() {
        modules.verify();
    }

    /** Rewrites docs/modules from the code, so a change to a module's face shows up in the diff. */
    @Test
    void moduleDocumentationIsWrittenToTheDocsFolder() throws IOException {
        new Documenter(modules, DOCS.toString()).writeDocumentation();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path puml : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(puml, sortedRuns(Files.readAllLines(puml)));
            }
        }
    }

    /** The Documenter lists relations in hash order; sorting each run of them keeps the diff to real changes. */
    private static List<String> sortedRuns(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : lines) {
            String kind = kind(line);
            if (runKind != null && !runKind.equals(kind)) {
                out.addAll(run.stream().sorted().toList());
                run.clear();
            }
            runKind = kind;
            if (kind == null) {
                out.add(line);
            } else {
                run.add(line);
            }
        }
        out.addAll(run.stream().sorted().toList());
        return out;
    }

    private static String kind(String line) {
        String trimmed = line.strip();
        for (String prefix : List.of("Rel(", "Component(")) {
            if (trimmed.startsWith(prefix)) {
                return prefix;
            }
        }
        return null;
    }
}
