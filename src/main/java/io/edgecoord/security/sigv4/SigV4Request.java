package io.edgecoord.security.sigv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An HTTP request as the server received it, for {@link SigV4Verifier}: nothing decoded, nothing
 * dropped, because a signature covers the bytes the client sent.
 * <p>
 * The body is neither copied nor changed: pass the bytes that were read, and do not change them
 * while the verifier runs. Equality of two requests is that of records, so the body compares by
 * identity.
 *
 * @param method the HTTP method, as sent ({@code POST})
 * @param rawPath the path still percent-encoded, as {@code HttpServletRequest#getRequestURI()} gives it
 * @param rawQuery the query string still percent-encoded, without the {@code ?}; empty when none
 * @param headers every header with all its values; names match case-insensitively
 * @param body the body's bytes; empty when none
 * @param secure whether the request came over TLS; only then may its payload go unsigned
 */
public record SigV4Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        byte[] body, boolean secure) {

    /** Fills the absent parts with empty ones and makes the headers a case-insensitive, unmodifiable copy. */
    public SigV4Request {
        Objects.requireNonNull(method, "method");
        rawPath = rawPath == null ? "" : rawPath;
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body;
        Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            // Two spellings of one name (Host, host) are one header whose values add up.
            headers.forEach((name, values) -> merged.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        }
        merged.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(merged);
    }

    /** Every value of the header {@code name}, in the order received; empty when it is absent. */
    List<String> values(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The first value of the header {@code name}, or {@code null}. */
    String first(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.getFirst();
    }
}
