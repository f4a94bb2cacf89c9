package io.edgecoord.web;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A request body has fields its type does not know: every unknown field of the JSON object where
 * the first was found, with the fields that object may have. Its path (see {@link #getPath()})
 * leads to the first unknown field; the others sit beside it.
 */
final class UnknownFieldsException extends UnrecognizedPropertyException {

    private final List<String> names;

    private UnknownFieldsException(JsonParser parser, Class<?> type, List<String> names, Collection<Object> known) {
        super(parser, "Unknown fields " + names + " in " + type.getSimpleName(), parser.currentLocation(), type,
                names.getFirst(), known);
        this.names = List.copyOf(names);
    }

    /** @param beanOrClass the object being read, or its class when it is not made yet */
    static UnknownFieldsException of(JsonParser parser, Object beanOrClass, List<String> names,
            Collection<Object> known) {
        Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
        UnknownFieldsException ex = new UnknownFieldsException(parser, type, names, known);
        ex.prependPath(beanOrClass, names.getFirst());
        return ex;
    }

    /**
     * The 400 {@code invalid-request} problem for unknown fields: {@code errors} names each by its
     * path, with a likely known field where there is one, and {@code knownFields} lists the fields
     * their object may have.
     */
    static ProblemDetail problem(UnrecognizedPropertyException ex) {
        List<String> paths = paths(ex);
        List<String> known = known(ex);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request",
                "The request body has unknown field" + (paths.size() == 1 ? "" : "s") + ": " + String.join(", ", paths)
                        + ".");
        problem.setProperty("errors", paths.stream().map(path -> Map.of("field", path, "message",
                likely(path, known).map(name -> "unknown field; did you mean " + name + "?").orElse("unknown field")))
                .toList());
        problem.setProperty("knownFields", known);
        return problem;
    }

    /** The unknown fields named from the body's root, as {@code execution.isolationMode} or {@code items[2].x}. */
    private static List<String> paths(UnrecognizedPropertyException ex) {
        List<JacksonException.Reference> path = ex.getPath();
        String parent = path.subList(0, Math.max(0, path.size() - 1)).stream().map(UnknownFieldsException::step)
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        List<String> names = ex instanceof UnknownFieldsException many ? many.names : List.of(ex.getPropertyName());
        return names.stream().map(name -> parent.isEmpty() ? name : parent + "." + name).toList();
    }

    /** The fields the object holding the unknown ones may have, sorted; empty when Jackson does not say. */
    private static List<String> known(UnrecognizedPropertyException ex) {
        Collection<Object> known = ex.getKnownPropertyIds();
        return known == null ? List.of() : known.stream().map(Objects::toString).sorted().toList();
    }

    /** A known field that a path's last name may have meant: the same but for case, '_' and '-'. */
    private static Optional<String> likely(String path, List<String> known) {
        String name = squash(path.substring(path.lastIndexOf('.') + 1));
        return known.stream().filter(candidate -> squash(candidate).equals(name)).findFirst();
    }

    private static String squash(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static String step(JacksonException.Reference reference) {
        return reference.getPropertyName() != null ? "." + reference.getPropertyName() : "[" + reference.getIndex() + "]";
    }
}
