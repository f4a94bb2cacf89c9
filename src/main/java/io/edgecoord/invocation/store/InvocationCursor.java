package io.edgecoord.invocation.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import org.springframework.http.HttpStatus;

import io.edgecoord.web.ProblemException;

/**
 * Where a page of invocations ended: the last record's acceptance time and id, which the list's
 * order ({@code acceptedAt} descending, then {@code id}) continues from however many records are
 * added meanwhile. Opaque to clients: base64url of {@code <instant>|<id>}.
 */
public record InvocationCursor(Instant acceptedAt, String id) {

    public static InvocationCursor after(Invocation last) {
        return new InvocationCursor(last.acceptedAt(), last.id());
    }

    public String encode() {
        byte[] text = (acceptedAt + "|" + id).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    /** The cursor a previous page's {@code nextCursor} gave, or a 400 problem naming {@code cursor}. */
    public static InvocationCursor decode(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            if (bar > 0 && bar < decoded.length() - 1) {
                return new InvocationCursor(Instant.parse(decoded.substring(0, bar)), decoded.substring(bar + 1));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // falls through to the problem: the client sent something no page of ours gave it
        }
        throw new InvalidCursorException("The cursor is not one a page of this list gave out; start again without it.");
    }

    /** A cursor that no page of this API gave out. */
    public static final class InvalidCursorException extends ProblemException {

        public InvalidCursorException(String detail) {
            super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
            property("errors", java.util.List.of(java.util.Map.of("field", "cursor", "message", detail)));
        }
    }
}
