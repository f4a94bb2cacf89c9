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
            for (Path file : files.toList()) {
                if (file.toString().endsWith(".puml")) {
                    Files.write(file, sortedRuns(Files.readAllLines(file)));
                }
                else if (file.toString().endsWith(".adoc")) {
                    Files.write(file, sortedLists(Files.readAllLines(file)));
                }
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

    /** The canvases list a module's events and beans in hash order too: each list, "|* a" then "* b"..., is sorted. */
    private static List<String> sortedLists(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith("|* ")) {
                out.add(line);
                i++;
                continue;
            }
            List<String> items = new ArrayList<>(List.of(line.substring(1)));
            i++;
            while (i < lines.size() && lines.get(i).startsWith("* ")) {
                items.add(lines.get(i++));
            }
            List<String> sorted = items.stream().sorted().toList();
            out.add("|" + sorted.getFirst());
            out.addAll(sorted.subList(1, sorted.size()));
        }
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
