package io.edgecoord.web;

import org.springframework.http.ResponseEntity;

/**
 * Answers in the shape a list had before the API's one list shape ({@link PageResponse}), kept for
 * one minor version for clients that ask the way they used to (no {@code page} or {@code size}),
 * marked with RFC 9745's {@code Deprecation} header and a link to what replaces it.
 */
public final class DeprecatedShapes {

    /** When the old shapes were deprecated: 2026-12-06, as RFC 9745's structured date. */
    public static final String DEPRECATION = "@1796515200";

    /** Where the one list shape is described. */
    public static final String LINK = "<https://edgecoord.io/docs/api#lists>; rel=\"deprecation\"";

    private DeprecatedShapes() {
    }

    /** The old shape, 200, with the deprecation headers. */
    public static <T> ResponseEntity<T> answer(T oldShape) {
        return ResponseEntity.ok().header("Deprecation", DEPRECATION).header("Link", LINK).body(oldShape);
    }
}
