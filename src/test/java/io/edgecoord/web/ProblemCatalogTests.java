package io.edgecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The problem catalog, the code and the docs name the same problem types. */
class ProblemCatalogTests {

    /** The ways the code names a problem type. */
    private static final List<Pattern> NAMINGS = List.of(
            Pattern.compile("problems/([a-z]+(?:-[a-z]+)*)\""),
            Pattern.compile("Problems\\.type\\(\"([a-z]+(?:-[a-z]+)*)\"\\)"),
            Pattern.compile("problem\\(HttpStatus\\.[A-Z_]+, \"([a-z]+(?:-[a-z]+)*)\""),
            Pattern.compile("super\\(HttpStatus\\.[A-Z_]+, \"([a-z]+(?:-[a-z]+)*)\""),
            Pattern.compile("exception\\(HttpStatus\\.[A-Z_]+, \"([a-z]+(?:-[a-z]+)*)\""),
            Pattern.compile("Exception\\(HttpStatus\\.[A-Z_]+, \"([a-z]+(?:-[a-z]+)*)\""),
            Pattern.compile("String SLUG = \"([a-z]+(?:-[a-z]+)*)\";"),
            Pattern.compile("\\(\\d{3}, \"([a-z]+(?:-[a-z]+)*)\", \""));

    private final ProblemCatalog catalog = ProblemCatalog.load();

    @Test
    void everyProblemTypeTheCodeAnswersIsInTheCatalog() throws IOException {
        assertThat(catalogTypes()).containsAll(typesInCode());
    }

    @Test
    void everyTypeInTheCatalogIsOneTheCodeAnswers() throws IOException {
        Set<String> answered = typesInCode();
        for (HttpStatus status : List.of(HttpStatus.NOT_FOUND, HttpStatus.METHOD_NOT_ALLOWED, HttpStatus.NOT_ACCEPTABLE,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpStatus.CONTENT_TOO_LARGE)) {
            String type = Problems.forStatus(status).toString();
            answered.add(type.substring(Problems.BASE.length())); // the framework's, typed by their status
        }
        assertThat(answered).containsAll(catalogTypes());
    }

    @Test
    void everyTypeIsDocumented() throws IOException {
        StringBuilder docs = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                docs.append(Files.readString(file));
            }
        }
        assertThat(catalogTypes()).allSatisfy(type -> assertThat(docs).contains("`" + type + "`"));
    }

    @Test
    void eachTypeHasOneStatusAndAMeaning() {
        assertThat(catalog.entries()).allSatisfy(entry -> {
            assertThat(HttpStatus.resolve(entry.status())).isNotNull();
            assertThat(entry.meaning()).isNotBlank();
            assertThat(entry.on()).isNotEmpty();
        });
        assertThat(catalog.entries()).extracting(ProblemCatalog.Entry::type).doesNotHaveDuplicates();
    }

    private Set<String> catalogTypes() {
        Set<String> types = new TreeSet<>();
        catalog.entries().forEach(entry -> types.add(entry.type()));
        return types;
    }

    private static Set<String> typesInCode() throws IOException {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                for (Pattern naming : NAMINGS) {
                    Matcher m = naming.matcher(text);
                    while (m.find()) {
                        types.add(m.group(1));
                    }
                }
            }
        }
        return types;
    }
}
