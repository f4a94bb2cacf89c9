package io.edgecoord.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every problem type the coordinator answers, from {@code openapi/problem-types.yml}: its status,
 * what it means, and where it may be answered ({@code all}, a feature tag or an operationId).
 */
record ProblemCatalog(List<Entry> entries) {

    static final String RESOURCE = "/openapi/problem-types.yml";

    /** One problem type. */
    record Entry(String type, int status, List<String> on, String meaning) {

        boolean answeredBy(String operationId, List<String> tags) {
            return on.contains("all") || on.contains(operationId) || tags.stream().anyMatch(on::contains);
        }
    }

    static ProblemCatalog load() {
        try (InputStream in = ProblemCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ProblemCatalog(YAMLMapper.builder().build().readValue(in, new TypeReference<List<Entry>>() { }));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The catalog as a Markdown table, for the document's description. */
    String table() {
        StringBuilder text = new StringBuilder("| type | status | meaning |\n| --- | --- | --- |\n");
        entries.stream().sorted(java.util.Comparator.comparingInt(Entry::status).thenComparing(Entry::type))
                .forEach(e -> text.append("| `").append(Problems.BASE).append(e.type()).append("` | ")
                        .append(e.status()).append(" | ").append(e.meaning()).append(" |\n"));
        return text.toString();
    }
}
